package dev.azid.internal.credential;

import dev.azid.TokenCachePersistenceOptions;
import dev.azid.internal.credential.CredentialSettings.Sourced;
import dev.azid.internal.credential.CredentialSettings.Variables;
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
     * Checks tenant, client id and authority host, and builds the client of a credential that takes
     * its settings from its builder and the options only.
     *
     * @param name the credential's name, for messages
     * @param settings the shared settings
     * @param tenantId the tenant, from the builder's {@code tenantId}
     * @param clientId the client id
     * @param authentication the client's proof
     * @param redactor masks the credential's secrets in messages (from {@link Redactor#withSecrets})
     * @param persistence the persistent token cache, or {@code null} for memory only
     * @return the client
     * @throws IllegalArgumentException naming the setting that is missing or invalid
     */
    public static ConfidentialClient create(String name, CredentialSettings settings, String tenantId, String clientId,
            ClientAuthentication authentication, Redactor redactor, TokenCachePersistenceOptions persistence) {
        return create(name, settings, Variables.SHARED, new Sourced<>(tenantId, "tenantId"), clientId, authentication,
                redactor, persistence);
    }

    /**
     * Checks tenant, client id, authority host and region, and builds the client. The authority
     * host and the region ({@code AZURE_REGIONAL_AUTHORITY_NAME}) come from the shared settings, the
     * same for every confidential client (see {@link CredentialSettings#authorityHost()} and
     * {@link CredentialSettings#region(String)}).
     *
     * @param name the credential's name, for messages
     * @param settings the shared settings
     * @param variables whether the allowed tenants fall back on {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS}
     * @param tenantId the tenant and the builder method or variable it came from
     * @param clientId the client id
     * @param authentication the client's proof
     * @param redactor masks the credential's secrets in messages (from {@link Redactor#withSecrets})
     * @param persistence the persistent token cache, or {@code null} for memory only
     * @return the client
     * @throws IllegalArgumentException naming the setting or variable that is missing or invalid
     */
    public static ConfidentialClient create(String name, CredentialSettings settings, Variables variables,
            Sourced<String> tenantId, String clientId, ClientAuthentication authentication,
            Redactor redactor, TokenCachePersistenceOptions persistence) {
        String tenant = tenantId.value();
        if (tenant == null || tenant.isBlank()) {
            require(tenant, name, tenantId.source(), "the directory (tenant) id");
        }
        Tenants.validate(tenant, name + ": " + tenantId.source());
        require(clientId, name, "clientId", "the application (client) id");
        Authority authority = settings.authority(name, tenant);
        String region = settings.region(name);
        if (region != null) {
            authority = authority.regional(region);
        }
        return new ConfidentialClient(name, authority, clientId.trim(), authentication,
                settings.tenantPolicy(name, variables), settings.pipelines().tokenEndpoint(name, redactor), settings.caches().newCache(name, persistence, "", false));
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
