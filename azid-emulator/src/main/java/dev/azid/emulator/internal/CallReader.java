package dev.azid.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.azid.emulator.Call;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns an exchange of the JDK's HTTP server into a {@link Call}: decodes path, query and form, bounds the body. */
final class CallReader {

    /** Bodies are read up to this size; the rest is ignored. */
    private static final int MAX_BODY = 1024 * 1024;

    private CallReader() {
    }

    /**
     * Reads an exchange.
     *
     * @param ex the exchange
     * @param baseUrl the listener's base URL
     * @param https whether the listener is HTTPS
     * @return the call
     * @throws IOException if the body cannot be read
     */
    static Call read(HttpExchange ex, String baseUrl, boolean https) throws IOException {
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
        URI uri = ex.getRequestURI();
        String rawPath = uri.getScheme() == null && uri.getRawAuthority() != null
                ? "/" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath()) : uri.getRawPath();
        return new Call(ex.getRequestMethod(), rawPath == null ? "/"
                : URLDecoder.decode(rawPath, StandardCharsets.UTF_8).replaceAll("/{2,}", "/"),
                decode(uri.getRawQuery()), headers, form, body, contentType == null ? "" : contentType, baseUrl, https);
    }

    /**
     * Decodes {@code a=b&c=d}.
     *
     * @param raw the encoded text, or {@code null}
     * @return the fields (the first value wins)
     */
    static Map<String, String> decode(String raw) {
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
}
