package dev.azid.internal.util;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parsing and validation of the endpoint URIs azid talks to. */
public final class Uris {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    /** {@code 127.0.0.0/8} in dotted-decimal form only: other spellings are host names to a resolver. */
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\." + OCTET + "\\." + OCTET + "\\." + OCTET);

    private Uris() {
    }

    /**
     * Checks an authority host with {@link EndpointUrl#check} ({@link UrlUse#AUTHORITY_HOST}):
     * {@code https://} is assumed when no scheme is given and trailing slashes are removed; nothing
     * else is repaired (surrounding whitespace is refused, not trimmed).
     *
     * @param value the configured value
     * @param setting the name of the setting, for the message
     * @return the authority host, without a trailing slash
     * @throws IllegalArgumentException if the value breaks the rule, naming the setting
     */
    public static URI authorityHost(String value, String setting) {
        String s = EndpointUrl.check(value, setting, UrlUse.AUTHORITY_HOST).toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    /**
     * Tells whether a host name is a loopback name or address, without any DNS look-up.
     *
     * @param host a host name or IP literal
     * @return {@code true} for {@code localhost}, {@code 127.0.0.0/8} and {@code ::1}
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        // Not "*.localhost": the JDK resolves such names through DNS, which may answer with any address.
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || LOOPBACK_V4.matcher(h).matches();
    }

    /**
     * Returns the URI with a trailing slash on its path.
     *
     * @param uri the URI
     * @return the URI ending in {@code /}
     */
    public static URI withTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    /**
     * The URI as text without user info, query or fragment, safe for messages and logs.
     *
     * @param uri the URI
     * @return scheme, host, port and path
     */
    public static String redact(URI uri) {
        StringBuilder sb = new StringBuilder();
        if (uri.getScheme() != null) {
            sb.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            sb.append(uri.getHost());
        }
        if (uri.getPort() != -1) {
            sb.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            sb.append(uri.getRawPath());
        }
        return sb.toString();
    }
}
