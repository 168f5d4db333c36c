package dev.azid;

import dev.azid.test.gen.Gen;
import dev.azid.test.gen.Gens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Every shape in which a server or tool may echo a secret, for the redaction property tests: each
 * plants a secret and says which strings (the secret and the encodings used) must not survive.
 */
final class ForeignTextShapes {

    /** A secret planted in foreign text, and the forms of it that must not appear in any output. */
    record Planted(String text, List<String> forms) {
    }

    /** The shapes. */
    enum Shape {
        FORM, QUERY_SAS, KEY_VALUE, ENCODED_KEY_VALUE, JSON, ESCAPED_JSON, ENCODED_JSON, HEADER_LINE, BEARER, BASIC,
        POWERSHELL_TABLE, OPTION, XML, JWT
    }

    static final List<String> FORM_KEYS = List.of("refresh_token", "client_secret", "password", "client_assertion",
            "code", "device_code", "assertion", "code_verifier", "access_token", "id_token");
    static final List<String> KEYS = List.of("refresh_token", "client_secret", "password", "client_assertion", "code",
            "device_code", "token", "secret", "passwd", "pwd", "api_key", "apiKey", "AccountKey", "SharedAccessKey",
            "x-functions-key", "credential", "credentials", "signature", "sig", "accessToken", "refreshToken",
            "clientSecret", "Token", "AccessToken", "ClientSecret", "Password", "private_key", "Authorization", "cookie");
    private static final List<String> SEPARATORS = List.of(":", "=", " : ", " = ", ": ", "=\t", "  :  ", " :", "= ");
    private static final List<String> JOINS = List.of(" ", "\n", ", ", "; ", " | ", "\t", "\r\n", " - ");

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final String HEX = "0123456789abcdef";
    private static final String NOISE = "abcdefghijklmnopqrstuvwxyz ABCDEFGHXYZ0123456789.,:;!?()-\n";

    private ForeignTextShapes() {
    }

    /** Opaque secrets from base64, base64url, URL-safe and hex alphabets; '=' only as base64 padding. */
    static Gen<String> secrets() {
        Gen<String> b64 = chars(B64).flatMap(s -> Gens.of("", "=", "==").map(p -> s + p));
        return Gens.oneOf(b64, chars(B64URL), chars(URL_SAFE), chars(HEX));
    }

    private static Gen<String> chars(String alphabet) {
        return Gens.strings().withChars(alphabet.toCharArray()).ofMinLength(12).ofMaxLength(80);
    }

    /** Surrounding text: words, digits, punctuation and line breaks, no quotes. */
    static Gen<String> noise() {
        return Gens.strings().withChars(NOISE.toCharArray()).ofMaxLength(60);
    }

    /**
     * Plants a secret in a shape, between two pieces of noise.
     *
     * @param shape the shape
     * @param secret the secret
     * @param variant picks key, spelling, spacing and quotes
     * @param before noise before
     * @param after noise after
     * @return the text and the forms that must not survive
     */
    static Planted plant(Shape shape, String secret, long variant, String before, String after) {
        Random r = new Random(variant);
        Planted p = shape(shape, secret, r);
        return new Planted(before + pick(r, JOINS) + p.text() + pick(r, JOINS) + after, p.forms());
    }

    private static Planted shape(Shape shape, String s, Random r) {
        String url = URLEncoder.encode(s, StandardCharsets.UTF_8);
        return switch (shape) {
            case FORM -> new Planted("grant_type=x&client_id=abc&" + pick(r, FORM_KEYS) + "=" + url + "&scope=y",
                    List.of(s, url));
            case QUERY_SAS -> new Planted("https://acct.blob.core.windows.net/c/b?sv=2022-11-02&se=2026-01-01&sig=" + url
                    + "&sp=r", List.of(s, url));
            case KEY_VALUE -> {
                String kq = pick(r, List.of("", "\"", "'"));
                String vq = pick(r, List.of("", "\"", "'"));
                yield new Planted(kq + spell(r, pick(r, KEYS)) + kq + pick(r, SEPARATORS) + vq + s + vq, List.of(s));
            }
            case ENCODED_KEY_VALUE -> new Planted(pick(r, FORM_KEYS) + pick(r, List.of("%3D", "%3A", "%3d")) + url,
                    List.of(s, url));
            case JSON -> new Planted("{\"other\": 1," + pick(r, List.of("", " ", "\n  ")) + "\"" + spell(r, pick(r, KEYS))
                    + "\"" + pick(r, List.of("", " ", "\t")) + ":" + pick(r, List.of("", " ", "  ")) + "\"" + s + "\"}",
                    List.of(s));
            case ESCAPED_JSON -> new Planted("{\\\"" + pick(r, KEYS) + "\\\":\\\"" + s + "\\\"}", List.of(s));
            case ENCODED_JSON -> new Planted("%7B%22" + pick(r, KEYS) + "%22%3A%22" + url + "%22%7D", List.of(s, url));
            case HEADER_LINE -> new Planted(pick(r, List.of("Authorization: Bearer ", "authorization: Basic ",
                    "Proxy-Authorization: Bearer ", "Cookie: session=", "Set-Cookie: id=", "X-IDENTITY-HEADER: ",
                    "secret: ", "x-ms-token: ")) + s + pick(r, List.of("", "; Path=/")), List.of(s));
            case BEARER -> new Planted(pick(r, List.of("Bearer ", "bearer ", "BEARER\t", "(Bearer ", "'Bearer ",
                    "sent Bearer  ")) + s + pick(r, List.of("", ")", "'", ".")), List.of(s));
            case BASIC -> {
                String b = Base64.getEncoder().encodeToString(("user:" + s).getBytes(StandardCharsets.UTF_8));
                yield new Planted(pick(r, List.of("Basic ", "basic ")) + b, List.of(b));
            }
            case POWERSHELL_TABLE -> new Planted(pick(r, List.of("Token", "AccessToken", "Password")) + " ".repeat(r.nextInt(8))
                    + ": " + s + "\nExpiresOn : 11/24/2026 10:00:00 +00:00\nType      : Bearer", List.of(s));
            case OPTION -> new Planted(pick(r, List.of("--password ", "--client-secret ", "-Password ", "--federated-token ",
                    "--password=")) + s, List.of(s));
            case XML -> {
                String k = pick(r, List.of("password", "ClientSecret", "refresh_token"));
                yield new Planted("<" + k + ">" + s + "</" + k + ">", List.of(s));
            }
            case JWT -> {
                String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
                String jwt = "eyJhbGciOiJSUzI1NiJ9." + payload + ".c2ln" + payload.substring(0, 4);
                yield new Planted(jwt, List.of(jwt, payload));
            }
        };
    }

    private static String spell(Random r, String key) {
        return switch (r.nextInt(3)) {
            case 0 -> key.toLowerCase(Locale.ROOT);
            case 1 -> key.toUpperCase(Locale.ROOT);
            default -> key;
        };
    }

    static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    /** How often a form occurs in a text. */
    static int occurrences(String text, String form) {
        int count = 0;
        for (int i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
            count++;
        }
        return count;
    }
}
