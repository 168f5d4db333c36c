package dev.azid.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as a {@link Dispatcher} sees it: method, path, decoded query and form, headers, and
 * which listener (HTTP or HTTPS) it came in on. Immutable apart from {@code body}, which is not
 * copied.
 *
 * @param method the method
 * @param path the decoded path, doubled slashes collapsed
 * @param query decoded query parameters (the first value of a repeated name wins)
 * @param headers headers, names lower-cased
 * @param form decoded form fields (form POSTs only, else empty)
 * @param body the raw body, up to 1 MiB (JSON APIs read it; the request log records only {@code form})
 * @param contentType the Content-Type, or empty
 * @param baseUrl the listener's base URL, e.g. {@code https://127.0.0.1:1234}
 * @param https whether it came over HTTPS
 */
public record Call(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
        Map<String, String> form, byte[] body, String contentType, String baseUrl, boolean https) {

    /** Checks for {@code null}s. */
    public Call {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(baseUrl, "baseUrl");
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

    /** Never shows headers, form fields or the body: they may hold secrets. */
    @Override
    public String toString() {
        return "Call[" + method + " " + path + " on " + baseUrl + "]";
    }
}
