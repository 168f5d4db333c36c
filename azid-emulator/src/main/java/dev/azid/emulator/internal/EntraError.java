package dev.azid.emulator.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An error answer in Microsoft Entra ID's shape: {@code error}, {@code error_description} starting
 * with the AADSTS code and ending with trace id, correlation id and timestamp lines joined by
 * {@code \r\n}, {@code error_codes}, {@code timestamp}, {@code trace_id}, {@code correlation_id},
 * {@code error_uri}.
 *
 * @param status the HTTP status
 * @param error the OAuth error
 * @param code the AADSTS number
 * @param text the description after {@code AADSTSn: }
 */
public record EntraError(int status, String error, long code, String text) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /**
     * The JSON body.
     *
     * @param now the time of the answer
     * @param correlationId the request's correlation id (or a new one)
     * @param authorityHost the emulator's base URL, for {@code error_uri}
     * @return the body
     */
    public Map<String, Object> body(Instant now, String correlationId, String authorityHost) {
        String trace = UUID.randomUUID().toString();
        String stamp = STAMP.format(now);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("error_description", "AADSTS" + code + ": " + text + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: "
                + correlationId + "\r\nTimestamp: " + stamp);
        m.put("error_codes", List.of(code));
        m.put("timestamp", stamp);
        m.put("trace_id", trace);
        m.put("correlation_id", correlationId);
        m.put("error_uri", authorityHost + "/error?code=" + code);
        return m;
    }
}
