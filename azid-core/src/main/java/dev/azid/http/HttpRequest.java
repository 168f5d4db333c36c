package dev.azid.http;

import dev.azid.internal.util.Uris;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request azid wants sent.
 *
 * <p>The body and header values may hold secrets (client secrets, assertions, identity headers):
 * {@link #toString()} shows only the method, the URL without its query, and the body's length.
 *
 * @param method {@code GET} or {@code POST}
 * @param uri the absolute URL
 * @param headers request headers; copied, in order
 * @param body the body, empty for none; not copied, do not modify
 * @param timeout the most time the whole exchange may take, from connecting to the last body byte
 */
public record HttpRequest(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {

    /** Validates and copies. */
    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(timeout, "timeout");
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("HttpRequest: timeout must be positive, but is " + timeout + ".");
        }
    }

    /**
     * A GET request.
     *
     * @param uri the URL
     * @param headers the headers
     * @param timeout the most time the exchange may take
     * @return the request
     */
    public static HttpRequest get(URI uri, Map<String, String> headers, Duration timeout) {
        return new HttpRequest("GET", uri, headers, null, timeout);
    }

    /**
     * A POST of an {@code application/x-www-form-urlencoded} body.
     *
     * @param uri the URL
     * @param headers the headers, without Content-Type (it is added)
     * @param form the encoded form
     * @param timeout the most time the exchange may take
     * @return the request
     */
    public static HttpRequest postForm(URI uri, Map<String, String> headers, String form, Duration timeout) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        return new HttpRequest("POST", uri, all, form.getBytes(StandardCharsets.UTF_8), timeout);
    }

    /**
     * Returns a copy with one header added or replaced.
     *
     * @param name the header name
     * @param value the value
     * @return the new request
     */
    public HttpRequest withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new HttpRequest(method, uri, all, body, timeout);
    }

    /**
     * Returns a copy with another timeout.
     *
     * @param newTimeout the timeout
     * @return the new request
     */
    public HttpRequest withTimeout(Duration newTimeout) {
        return new HttpRequest(method, uri, headers, body, newTimeout);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Returns method, URL without query, and body length: never header values or the body. */
    @Override
    public String toString() {
        return method + " " + Uris.redact(uri) + " (" + body.length + " bytes)";
    }
}
