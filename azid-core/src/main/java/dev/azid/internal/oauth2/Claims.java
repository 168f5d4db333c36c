package dev.azid.internal.oauth2;

import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@code claims} request parameter from a claims challenge and client capabilities. */
public final class Claims {

    private Claims() {
    }

    /**
     * Merges a claims challenge with the {@code cp1} client capability (when CAE is on).
     *
     * @param credentialName the credential, for the message
     * @param challenge the JSON claims challenge, or {@code null}
     * @param cae whether to declare the {@code cp1} capability
     * @return the JSON to send as {@code claims}, or {@code null} for none
     * @throws IllegalArgumentException if the challenge is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static String merge(String credentialName, String challenge, boolean cae) {
        if (challenge == null && !cae) {
            return null;
        }
        Map<String, Object> root = new LinkedHashMap<>();
        if (challenge != null) {
            try {
                root.putAll(JsonObject.parse(challenge).asMap());
            } catch (JsonFormatException e) {
                throw new IllegalArgumentException(credentialName + ": the claims challenge is not a JSON object ("
                        + e.getMessage() + "). Pass the decoded 'claims' value of the WWW-Authenticate header.");
            }
        }
        if (cae) {
            Object existing = root.get("access_token");
            Map<String, Object> accessToken = existing instanceof Map
                    ? new LinkedHashMap<>((Map<String, Object>) existing) : new LinkedHashMap<>();
            accessToken.put("xms_cc", Map.of("values", List.of("cp1")));
            root.put("access_token", accessToken);
        }
        return JsonObject.write(root);
    }
}
