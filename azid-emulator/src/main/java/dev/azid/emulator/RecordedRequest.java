package dev.azid.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the emulator received, with secrets masked: form fields {@code client_secret},
 * {@code client_assertion}, {@code password}, {@code refresh_token}, {@code assertion},
 * {@code code}, {@code code_verifier}, {@code device_code} and headers {@code Authorization},
 * {@code X-IDENTITY-HEADER}, {@code secret} are stored as {@code ***}.
 *
 * @param method the HTTP method
 * @param path the path
 * @param query the decoded query parameters
 * @param headers the headers, names lower-cased
 * @param form the decoded form fields of a form POST
 * @param status the status the emulator answered, or 0 for a dropped connection
 * @param receivedAt when it arrived
 * @param https whether it came over HTTPS
 */
public record RecordedRequest(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
        Map<String, String> form, int status, Instant receivedAt, boolean https) {

    /** The value written instead of a secret. */
    public static final String MASK = "***";

    /** Copies. */
    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        form = Map.copyOf(form);
    }

    /**
     * The first value of a header.
     *
     * @param name any case
     * @return the value
     */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }
}
