package dev.azid.emulator.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The head of one request to the proxy: request line and headers, read up to a size limit.
 *
 * @param method the method, e.g. {@code CONNECT}
 * @param target the request target: {@code host:port} for {@code CONNECT}, an absolute URL for a plain proxy request
 * @param headers the headers, names lower-cased
 */
record ProxyRequestHead(String method, String target, Map<String, List<String>> headers) {

    /**
     * Reads a head up to its blank line. The stream is left at the first byte after it.
     *
     * @param in the client's stream
     * @param max the most bytes the head may have
     * @return the head, or {@code null} when it is longer than {@code max}, malformed or cut short
     * @throws IOException if reading fails or times out
     */
    static ProxyRequestHead read(InputStream in, int max) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0 || buf.size() >= max) {
                return null;
            }
            buf.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String[] lines = buf.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] start = lines[0].split(" ");
        if (start.length != 3 || !start[2].startsWith("HTTP/1.")) {
            return null;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        return new ProxyRequestHead(start[0], start[1], Map.copyOf(headers));
    }

    /** @return the host of a {@code CONNECT host:443}, lower-cased; {@code null} for another method or port */
    String connectHost() {
        if (!method.equals("CONNECT")) {
            return null;
        }
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || !target.substring(colon + 1).equals("443")) {
            return null;
        }
        return target.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** @return the target without any query, which may hold secrets; at most 512 characters */
    String targetWithoutQuery() {
        int q = target.indexOf('?');
        String t = q < 0 ? target : target.substring(0, q);
        return t.length() > 512 ? t.substring(0, 512) : t;
    }
}
