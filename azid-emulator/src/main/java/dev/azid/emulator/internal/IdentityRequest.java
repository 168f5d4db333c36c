package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig.ManagedIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identity a managed-identity request names, read with one endpoint's parameter names (each
 * endpoint spells them differently; some accept aliases).
 *
 * @param clientId the client id asked for, or {@code null}
 * @param objectId the object (principal) id asked for, or {@code null}
 * @param resourceId the ARM resource id asked for, or {@code null}
 * @param named the parameter names present, in the order checked
 */
record IdentityRequest(String clientId, String objectId, String resourceId, List<String> named) {

    /** Every identity parameter name any managed-identity endpoint knows. */
    static final List<String> ANY_NAME = List.of("client_id", "clientid", "object_id", "principal_id", "msi_res_id",
            "mi_res_id");

    /**
     * Reads the parameters.
     *
     * @param params the query (or form) parameters
     * @param clientNames the names of the client id parameter
     * @param objectNames the names of the object id parameter
     * @param resourceNames the names of the resource id parameter
     * @return what the request names
     */
    static IdentityRequest read(Map<String, String> params, List<String> clientNames, List<String> objectNames,
            List<String> resourceNames) {
        List<String> named = new ArrayList<>();
        String c = first(params, clientNames, named);
        String o = first(params, objectNames, named);
        String r = first(params, resourceNames, named);
        return new IdentityRequest(c, o, r, List.copyOf(named));
    }

    /**
     * The names among {@link #ANY_NAME} present in the parameters.
     *
     * @param params the parameters
     * @return the names, possibly none
     */
    static List<String> anyNamed(Map<String, String> params) {
        return ANY_NAME.stream().filter(n -> params.get(n) != null).toList();
    }

    /**
     * The identity asked for among a tenant's: the system-assigned one when none is named.
     *
     * @param identities the tenant's managed identities
     * @return the identity, or empty when the one named does not exist
     */
    Optional<ManagedIdentity> select(List<ManagedIdentity> identities) {
        return identities.stream().filter(m -> clientId != null ? m.clientId().equalsIgnoreCase(clientId)
                : objectId != null ? m.objectId().equalsIgnoreCase(objectId)
                // ARM resource ids are case-insensitive.
                : resourceId != null ? m.resourceId().equalsIgnoreCase(resourceId)
                : m.kind().equals("system")).findFirst();
    }

    private static String first(Map<String, String> params, List<String> names, List<String> named) {
        String found = null;
        for (String n : names) {
            String v = params.get(n);
            if (v != null) {
                named.add(n);
                found = found == null ? v : found;
            }
        }
        return found;
    }
}
