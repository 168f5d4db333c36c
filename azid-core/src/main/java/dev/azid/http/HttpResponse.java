package dev.azid.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP response as azid reads it: status, headers and the whole body.
 *
 * <p>{@link #toString()} never shows the body, which may hold a token.
 *
 * @param statusCode the HTTP status code
 * @param headers response headers, looked up case-insensitively
 * @param body the body; not copied, do not modify
 */
public record HttpResponse(int statusCode, Map<String, List<String>> headers, byte[] body) {

    /** Copies the headers into a case-insensitive map. */
    public HttpResponse {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null) {
                    copy.put(k, List.copyOf(v));
                }
            });
        }
        headers = java.util.Collections.unmodifiableSortedMap(copy);
        body = body == null ? new byte[0] : body;
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The body decoded as UTF-8.
     *
     * @return the body text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Tells whether the status is 2xx.
     *
     * @return {@code true} for 200 to 299
     */
    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Returns the status and body length, never the body. */
    @Override
    public String toString() {
        return "HttpResponse[status=" + statusCode + ", body=" + body.length + " bytes]";
    }
}
