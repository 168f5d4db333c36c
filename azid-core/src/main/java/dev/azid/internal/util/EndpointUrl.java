package dev.azid.internal.util;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one rule for every URL that decides where a secret, an assertion or a token request is
 * sent: authority hosts, ARM endpoints and what cloud metadata says, managed-identity endpoints,
 * CI OIDC request URLs, proxies, redirect URLs and pages shown to the user.
 *
 * <p>A value is refused, never repaired: surrounding or embedded whitespace, control characters,
 * non-ASCII text, backslashes, user info (except a proxy's credentials), a missing or invalid
 * host, a port outside 1-65535, a scheme the use does not allow, {@code .} or {@code ..} path
 * segments (also percent-encoded, in any case and mix, or followed by {@code ;}), encoded
 * {@code /} or {@code \} or control characters in the path, a query (where the use forbids one),
 * and any fragment. Messages name the setting and the broken rule and show what a valid value
 * looks like; they never quote the value, which may hold user info or a mistakenly pasted secret.
 */
public final class EndpointUrl {

    /** Longer values are refused before parsing: no real endpoint comes close. */
    static final int MAX_LENGTH = 4096;

    private static final int DECODE_ROUNDS = 3;

    private EndpointUrl() {
    }

    /**
     * Checks a URL for a use.
     *
     * @param value the configured or learnt value, exactly as given (it is not trimmed)
     * @param setting names the setting or variable, e.g. {@code ClientSecretCredential: authorityHost}
     * @param use what the URL is for
     * @return the parsed URL; when the value had no scheme and the use has a default one, with it
     * @throws IllegalArgumentException naming the setting, the rule and a valid example
     */
    public static URI check(String value, String setting, UrlUse use) {
        if (value == null || value.isEmpty()) {
            throw refuse(setting, "is empty", use);
        }
        if (value.length() > MAX_LENGTH) {
            throw refuse(setting, "is longer than " + MAX_LENGTH + " characters", use);
        }
        checkCharacters(value, setting, use);
        String text = value.contains("://") || use.defaultScheme() == null ? value : use.defaultScheme() + "://" + value;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // The reason names the broken rule; the exception's message would quote the value.
            throw refuse(setting, "is not a valid URL (" + e.getReason() + ")", use);
        }
        if (uri.getScheme() == null || uri.isOpaque() || uri.getRawAuthority() == null) {
            throw refuse(setting, "is not an absolute URL with a host", use);
        }
        String authority = uri.getRawAuthority();
        if (!use.userInfoAllowed() && authority.indexOf('@') >= 0) {
            throw refuse(setting, "has user info (text before '@'), so it would send requests to another host than "
                    + "it seems to name", use);
        }
        checkHostAndPort(uri, authority, setting, use);
        checkScheme(uri, setting, use);
        if (unsafePath(uri.getRawPath())) {
            throw refuse(setting, "has a '.' or '..' path segment (possibly percent-encoded), or an encoded '/', '\\' "
                    + "or control character in its path", use);
        }
        if (!use.queryAllowed() && uri.getRawQuery() != null) {
            throw refuse(setting, "has a query ('?')", use);
        }
        if (uri.getRawFragment() != null) {
            throw refuse(setting, "has a fragment ('#')", use);
        }
        return uri;
    }

    private static void checkCharacters(String value, String setting, UrlUse use) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                throw refuse(setting, "contains whitespace or a control character (values are refused, not trimmed)", use);
            }
            if (c >= 0x80) {
                throw refuse(setting, "contains a non-ASCII character (write an international host name in its xn-- "
                        + "form and percent-encode other text)", use);
            }
            if (c == '\\') {
                throw refuse(setting, "contains a backslash, which URL parsers read in different ways", use);
            }
        }
    }

    private static void checkHostAndPort(URI uri, String authority, String setting, UrlUse use) {
        String host = uri.getHost();
        if (host == null || host.isEmpty() || host.equals("[]")) {
            throw refuse(setting, "has no valid host name (or its port is not a number)", use);
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int port = uri.getPort();
        if (port == 0 || port > 65535 || (port == -1 && hostPort.endsWith(":"))) {
            throw refuse(setting, "has a port that is not a number from 1 to 65535", use);
        }
    }

    private static void checkScheme(URI uri, String setting, UrlUse use) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        boolean http = scheme.equals("http");
        boolean ok = switch (use.schemes()) {
            case HTTPS_OR_LOOPBACK_HTTP -> https || (http && Uris.isLoopback(uri.getHost()));
            case HTTP_OR_HTTPS -> https || http;
            case HTTPS -> https;
            case LOOPBACK_HTTP -> http && Uris.isLoopback(uri.getHost());
        };
        if (!ok) {
            throw refuse(setting, use.schemes().rule(), use);
        }
    }

    /**
     * Whether a raw path has a segment that some server may read as a step up or sideways:
     * {@code .} or {@code ..} once decoded (repeatedly, for double encoding), also before a
     * {@code ;} parameter; an encoded slash or backslash; a control character; a byte that only
     * overlong UTF-8 encodings of {@code .} and {@code /} use; or more than three layers of encoding.
     */
    static boolean unsafePath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            String s = segment;
            for (int round = 0; round < DECODE_ROUNDS && s.indexOf('%') >= 0; round++) {
                s = decodeBytes(s);
            }
            if (!s.equals(decodeBytes(s))) {
                // Encoded more times than any real endpoint is: refuse rather than guess what a server decodes.
                return true;
            }
            int semicolon = s.indexOf(';');
            String name = semicolon >= 0 ? s.substring(0, semicolon) : s;
            if (name.equals(".") || name.equals("..")) {
                return true;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f || c == 0xc0 || c == 0xc1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Decodes {@code %XX} escapes to one char per byte; leaves anything else, even a broken escape, alone. */
    private static String decodeBytes(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static IllegalArgumentException refuse(String setting, String problem, UrlUse use) {
        return new IllegalArgumentException(setting + " " + problem + ". Use " + use.example() + ".");
    }
}
