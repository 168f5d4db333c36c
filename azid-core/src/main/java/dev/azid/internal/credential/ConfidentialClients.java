package dev.azid.internal.credential;

import dev.azid.internal.oauth2.Authority;
import dev.azid.internal.oauth2.ClientAuthentication;
import dev.azid.internal.oauth2.ConfidentialClient;
import dev.azid.internal.oauth2.Tenants;
import dev.azid.internal.redact.Redactor;

/** Validates the settings every confidential-client credential shares and builds its client. */
public final class ConfidentialClients {

    private ConfidentialClients() {
    }

    /**
     * Checks tenant, client id and authority host, and builds the client.
     *
     * @param name the credential's name, for messages
     * @param settings the shared settings
     * @param tenantId the tenant
     * @param clientId the client id
     * @param authentication the client's proof
     * @param redactor masks the credential's secrets in messages (from {@link Redactor#withSecrets})
     * @return the client
     * @throws IllegalArgumentException naming the setting that is missing or invalid
     */
    public static ConfidentialClient create(String name, CredentialSettings settings, String tenantId, String clientId,
            ClientAuthentication authentication, Redactor redactor) {
        Tenants.validate(require(tenantId, name, "tenantId", "the directory (tenant) id"), name + ": tenantId");
        require(clientId, name, "clientId", "the application (client) id");
        Authority authority = settings.authority(name, tenantId);
        if (settings.region() != null) {
            if (!settings.region().matches("[a-z0-9]{2,40}")) {
                throw new IllegalArgumentException(name + ": region '" + settings.region() + "' is not a region name. "
                        + "Use a name such as westus2, or leave it unset.");
            }
            authority = authority.regional(settings.region());
        }
        return new ConfidentialClient(name, authority, clientId.trim(), authentication,
                Tenants.allowedSet(settings.additionallyAllowedTenants(), name + ": additionallyAllowedTenants"),
                settings.tokenEndpoint(name, redactor), settings.newCache(name));
    }

    /**
     * Checks that a required text setting is present.
     *
     * @param value the value
     * @param name the credential
     * @param field the builder method
     * @param what what to pass, for the message
     * @return the value
     */
    public static String require(String value, String name, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": " + field + " is not set. Call " + field + "(...) with "
                    + what + ".");
        }
        return value;
    }
}
