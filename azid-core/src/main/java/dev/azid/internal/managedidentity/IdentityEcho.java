package dev.azid.internal.managedidentity;

import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks that a token answer is for the user-assigned identity that was asked for, where the answer
 * names one: IMDS and App Service echo {@code client_id}; answers may also carry {@code object_id}
 * (or {@code principal_id}) and the resource id as {@code msi_res_id} (or {@code mi_res_id}). The
 * field that corresponds to how the identity was named is compared, ignoring case (GUIDs and ARM
 * resource ids are case-insensitive); an answer without that field is accepted, as endpoints differ
 * in what they echo. A system-assigned request has nothing to compare.
 */
final class IdentityEcho {

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z._()/-]{1,300}");

    private IdentityEcho() {
    }

    /**
     * Finds a mismatch.
     *
     * @param requested the identity asked for
     * @param json the answer
     * @param accessToken the answer's token, which is never quoted even if the echo holds it
     * @return what the answer names instead (e.g. {@code client_id is X}), or
     *     {@code null} when it matches or names none
     */
    static String mismatch(IdentityId requested, JsonObject json, String accessToken) {
        List<String> fields = switch (requested.kind()) {
            case CLIENT_ID -> List.of("client_id");
            case OBJECT_ID -> List.of("object_id", "principal_id");
            case RESOURCE_ID -> List.of("msi_res_id", "mi_res_id");
            case SYSTEM -> List.of();
        };
        for (String field : fields) {
            String echoed;
            try {
                echoed = json.string(field).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
            } catch (JsonFormatException e) {
                return field + " is malformed";
            }
            if (echoed != null && !normalize(echoed).equals(normalize(requested.value()))) {
                return field + " is " + printable(echoed, accessToken);
            }
        }
        return null;
    }

    private static String normalize(String id) {
        return id.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Ids are not secrets, but what an endpoint sends is foreign text: only an id-shaped value that
     * shares nothing with the token is quoted.
     */
    private static String printable(String s, String accessToken) {
        if (!ID.matcher(s).matches() || s.contains(accessToken) || s.length() >= 8 && accessToken.contains(s)) {
            return "(a value that is not an id, not shown)";
        }
        return s;
    }
}
