package dev.azid.test;

import dev.azid.test.gen.Gen;
import dev.azid.test.gen.Gens;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Generators of hostile foreign input for the fuzz tests: JSON bodies built from the fields a
 * server or tool might send (with values of every type, including absurd ones), raw garbage, and
 * text in which a secret is planted in one of the shapes that servers and tools echo.
 */
public final class ForeignInput {

    private ForeignInput() {
    }

    /** A secret value to plant: long and distinctive, so a match in output can only be a leak. */
    public static Gen<String> secret() {
        return Gens.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                .ofMinLength(16).ofMaxLength(40).map(s -> "Zq" + s);
    }

    /** Text that holds {@code secret} in one of the shapes foreign text uses for secrets. */
    public static Gen<String> textWithSecret(String secret) {
        Gen<String> shape = Gens.of(
                "\"access_token\":\"%s\"", "\"refresh_token\": \"%s\"", "\"client_secret\" : \"%s\"",
                "client_secret=%s&grant_type=client_credentials", "refresh_token=%s", "password=%s",
                "client_assertion=%s&scope=x", "Authorization: Bearer %s", "Bearer %s", "password: %s",
                "secret: %s", "\"accessToken\": \"%s\"", "Token : %s", "eyJhbGciOiJSUzI1NiJ9.%s.%s")
                .map(f -> f.replace("%s", secret));
        Gen<String> noise = Gens.strings().withCharRange(' ', '~').withChars('\n', '\t').ofMaxLength(80);
        return Gens.combine(noise, shape, noise).as((a, s, b) -> a + " " + s + " " + b);
    }

    /** A JSON value of any type, including the absurd ones a hostile server may send. */
    public static Gen<String> jsonValue(String secret) {
        return Gens.oneOf(
                Gens.longs().map(Object::toString),
                Gens.of("0", "-1", "1e400", "-1e400", "1.5", "NaN", "9223372036854775808",
                        "99999999999999999999", "true", "false", "null", "[]", "{}", "[1,2]", "\"\""),
                Gens.longs(-10_000_000_000L, 100_000_000_000L).map(v -> "\"" + v + "\""),
                Gens.of("\"0\"", "\"-5\"", "\"11/24/2026 2:30:00 PM +00:00\"", "\"11/24/2026 14:30:00 +00:00\"",
                        "\"1/2/2026 1:02:03 AM +05:30\"", "\"2026-11-24T11:00:00Z\"", "\"2026-11-24 11:00:00.000000\"",
                        "\"9999-12-31T23:59:59Z\"", "\"13/45/2026 25:61:61 +99:00\"", "\"tomorrow\""),
                textWithSecret(secret).map(ForeignInput::quote),
                Gens.strings().ofMaxLength(30).map(ForeignInput::quote));
    }

    /** A JSON object (or broken text) made of the given field names with random values. */
    public static Gen<String> jsonBody(String secret, List<String> fields) {
        Gen<String> member = Gens.combine(Gens.of(fields), jsonValue(secret))
                .as((k, v) -> quote(k) + ":" + v);
        Gen<String> object = member.list().ofMaxSize(fields.size() + 2).map(m -> "{" + String.join(",", m) + "}");
        return Gens.frequencyOf(
                Gens.weighted(8, object),
                Gens.weighted(1, object.map(o -> o.substring(0, o.length() / 2))),
                Gens.weighted(1, textWithSecret(secret)),
                Gens.weighted(1, Gens.strings().ofMaxLength(200)));
    }

    /** Random bytes, for binary parsers. */
    public static Gen<byte[]> bytes(int maxLength) {
        return Gens.byteArrays().ofMaxSize(maxLength);
    }

    /** JSON-quotes a string. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** UTF-8 bytes of a string. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
