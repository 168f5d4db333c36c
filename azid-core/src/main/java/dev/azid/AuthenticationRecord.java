package dev.azid;

import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who signed in, without any secret: enough for a later process to find the user's refresh token in
 * a persistent cache and sign in silently. Serializes to a small JSON document.
 *
 * @param authority the authority host
 * @param homeAccountId the account's {@code uid.utid}
 * @param tenantId the tenant signed in to
 * @param username the user's sign-in name
 * @param clientId the public client used
 */
public record AuthenticationRecord(String authority, String homeAccountId, String tenantId, String username,
        String clientId) {

    /** Validates. */
    public AuthenticationRecord {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(homeAccountId, "homeAccountId");
        Objects.requireNonNull(clientId, "clientId");
    }

    /**
     * Writes the record as JSON.
     *
     * @param out the stream (not closed)
     * @throws IOException if writing fails
     */
    public void serialize(OutputStream out) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("authority", authority);
        m.put("homeAccountId", homeAccountId);
        m.put("tenantId", tenantId);
        m.put("username", username);
        m.put("clientId", clientId);
        m.put("version", "1.0");
        out.write(JsonObject.write(m).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Reads a record written by {@link #serialize}.
     *
     * @param in the stream (not closed)
     * @return the record
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the content is not a record
     */
    public static AuthenticationRecord deserialize(InputStream in) throws IOException {
        try {
            JsonObject json = JsonObject.parse(in.readNBytes(64 * 1024));
            return new AuthenticationRecord(need(json, "authority"), need(json, "homeAccountId"),
                    json.string("tenantId").orElse(null), json.string("username").orElse(null), need(json, "clientId"));
        } catch (JsonFormatException e) {
            throw new IllegalArgumentException("AuthenticationRecord: not a serialized record (" + e.getMessage() + ").");
        }
    }

    private static String need(JsonObject json, String field) {
        return json.string(field).orElseThrow(() -> new IllegalArgumentException("AuthenticationRecord: the serialized "
                + "record has no '" + field + "'."));
    }
}
