package dev.azid.emulator;

import dev.azid.emulator.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An answer a {@link Dispatcher} gives: status, headers, body. The body is not copied.
 *
 * @param status the HTTP status
 * @param headers the headers to send (copied, order kept)
 * @param body the body, empty for none
 */
public record Reply(int status, Map<String, String> headers, byte[] body) {

    /** Copies the headers. */
    public Reply {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "body");
    }

    /**
     * A JSON answer, not cacheable.
     *
     * @param status the status
     * @param value a map, list, string, number, boolean or {@code null}, nested freely
     * @return the reply
     */
    public static Reply json(int status, Object value) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json; charset=utf-8");
        h.put("Cache-Control", "no-store, no-cache");
        return new Reply(status, h, Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A copy with a header added (or replaced).
     *
     * @param name the header
     * @param value its value
     * @return the reply
     */
    public Reply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, h, body);
    }

    /** Never shows the body: it may hold tokens. */
    @Override
    public String toString() {
        return "Reply[" + status + ", " + body.length + " bytes]";
    }
}
