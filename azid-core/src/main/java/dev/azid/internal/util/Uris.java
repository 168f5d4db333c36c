package dev.azid.internal.util;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Parsing and validation of the endpoint URIs azid talks to. */
public final class Uris {

    private Uris() {
    }

    /**
     * Parses a URI, turning a syntax error into an {@link IllegalArgumentException} that names the
     * setting.
     *
     * @param value the text
     * @param setting the name of the setting, for the message
     * @return the URI
     */
    public static URI parse(String value, String setting) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting + " is not a valid URL: " + e.getReason()
                    + ". Use a URL such as https://login.microsoftonline.com.", e);
        }
    }

    /**
     * Normalises an authority host the way Azure SDKs do: trims spaces, adds {@code https://} when
     * no scheme is given, removes trailing slashes, and refuses any scheme but HTTPS except for a
     * loopback host (the emulator and local test servers).
     *
     * @param value the configured value
     * @param setting the name of the setting, for the message
     * @return the normalised authority host, without a trailing slash
     * @throws IllegalArgumentException if the value is not a valid HTTPS URL
     */
    public static URI authorityHost(String value, String setting) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(setting + " is empty. Use a URL such as https://login.microsoftonline.com.");
        }
        if (!trimmed.contains("://")) {
            trimmed = "https://" + trimmed;
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri = httpsOrLoopback(parse(trimmed, setting), setting);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(setting + " must not have a query or fragment. "
                    + "Use only scheme, host and port, such as https://login.microsoftonline.com.");
        }
        return uri;
    }

    /**
     * Checks that a URI is absolute, has a host, and uses HTTPS, or HTTP on a loopback host.
     *
     * @param uri the URI
     * @param setting the name of the setting, for the message
     * @return the same URI
     * @throws IllegalArgumentException otherwise
     */
    public static URI httpsOrLoopback(URI uri, String setting) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(setting + " has no host: " + redact(uri)
                    + ". Use a URL such as https://login.microsoftonline.com.");
        }
        if (scheme.equals("https")) {
            return uri;
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return uri;
        }
        throw new IllegalArgumentException(setting + " must use https (http is allowed only for a loopback host), but is "
                + redact(uri) + ". Use an https:// URL.");
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
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
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
