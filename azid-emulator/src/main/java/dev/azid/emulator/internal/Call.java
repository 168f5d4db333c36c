package dev.azid.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as the handlers see it: method, path, decoded query and form, headers, and which
 * listener (HTTP or HTTPS) it came in on.
 *
 * @param method the method
 * @param path the path
 * @param query decoded query parameters
 * @param headers headers, names lower-cased
 * @param form decoded form fields (form POSTs only)
 * @param body the raw body, up to 1 MiB (JSON APIs read it; the request log records only {@code form})
 * @param contentType the Content-Type, or empty
 * @param baseUrl the listener's base URL, e.g. {@code https://127.0.0.1:1234}
 * @param https whether it came over HTTPS
 */
public record Call(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
        Map<String, String> form, byte[] body, String contentType, String baseUrl, boolean https) {

    /** Bodies are refused past this size. */
    private static final int MAX_BODY = 1024 * 1024;

    /**
     * Reads an exchange.
     *
     * @param ex the exchange
     * @param baseUrl the listener's base URL
     * @param https whether the listener is HTTPS
     * @return the call
     * @throws IOException if the body cannot be read
     */
    public static Call read(HttpExchange ex, String baseUrl, boolean https) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY);
        }
        Map<String, String> form = contentType != null && contentType.toLowerCase(Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded") ? decode(new String(body, StandardCharsets.UTF_8)) : Map.of();
        // Some clients join host and path with a doubled slash ("//metadata/..."), which java.net.URI reads
        // as an authority; servers treat it as one slash.
        java.net.URI uri = ex.getRequestURI();
        String rawPath = uri.getScheme() == null && uri.getRawAuthority() != null
                ? "/" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath()) : uri.getRawPath();
        return new Call(ex.getRequestMethod(), rawPath == null ? "/"
                : URLDecoder.decode(rawPath, StandardCharsets.UTF_8).replaceAll("/{2,}", "/"),
                decode(ex.getRequestURI().getRawQuery()), headers, form, body, contentType == null ? "" : contentType, baseUrl, https);
    }

    /**
     * Decodes {@code a=b&c=d}.
     *
     * @param raw the encoded text, or {@code null}
     * @return the fields (the first value wins)
     */
    public static Map<String, String> decode(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    /**
     * The first value of a header.
     *
     * @param name any case
     * @return the value
     */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * The client id and secret of an HTTP Basic {@code Authorization} header (RFC 6749 2.3.1: both
     * form-urlencoded before base64).
     *
     * @return {@code [clientId, secret]}, or empty
     */
    public Optional<String[]> basicCredentials() {
        return header("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6)).flatMap(h -> {
            try {
                String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    return Optional.empty();
                }
                return Optional.of(new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
