package dev.azid.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer: status, headers, body.
 *
 * @param status the HTTP status
 * @param headers extra headers
 * @param body the body
 */
public record Reply(int status, Map<String, String> headers, byte[] body) {

    /**
     * A JSON answer.
     *
     * @param status the status
     * @param value a map or list
     * @return the reply
     */
    public static Reply json(int status, Object value) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json; charset=utf-8");
        h.put("Cache-Control", "no-store, no-cache");
        return new Reply(status, h, Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A copy with a header added.
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
}
