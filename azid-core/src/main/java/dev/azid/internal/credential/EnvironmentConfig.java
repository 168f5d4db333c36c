package dev.azid.internal.credential;

import static dev.azid.internal.env.EnvironmentVariables.AZURE_ADDITIONALLY_ALLOWED_TENANTS;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_AUTHORITY_HOST;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_CERTIFICATE_PATH;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_ID;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_SECRET;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_PASSWORD;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_TENANT_ID;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_USERNAME;

import dev.azid.Environment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the {@code AZURE_*} variables configure, for {@code EnvironmentCredential}. Only the names
 * of variables ever reach a message, never their values.
 */
public sealed interface EnvironmentConfig {

    /**
     * The client-secret set: {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID},
     * {@code AZURE_CLIENT_SECRET}.
     *
     * @param tenantId the tenant
     * @param clientId the client id
     * @param clientSecret the secret
     * @param authorityHost {@code AZURE_AUTHORITY_HOST}, or {@code null}
     * @param additionallyAllowedTenants from {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS}
     */
    record ClientSecret(String tenantId, String clientId, String clientSecret, String authorityHost,
            List<String> additionallyAllowedTenants) implements EnvironmentConfig {
        /** Never shows the secret. */
        @Override
        public String toString() {
            return "ClientSecret[tenantId=" + tenantId + ", clientId=" + clientId + "]";
        }
    }

    /**
     * No usable set.
     *
     * @param reason what is present, what is missing, what to do (names only)
     */
    record Unavailable(String reason) implements EnvironmentConfig {
    }

    /**
     * Reads the variables. The first complete set wins: client secret, then certificate, then
     * username and password.
     *
     * @param env the environment
     * @param credentialName the credential, for messages
     * @return the configuration
     */
    static EnvironmentConfig read(Environment env, String credentialName) {
        String tenant = env.get(AZURE_TENANT_ID).map(String::trim).orElse(null);
        String client = env.get(AZURE_CLIENT_ID).map(String::trim).orElse(null);
        String secret = env.get(AZURE_CLIENT_SECRET).orElse(null);
        String authority = env.get(AZURE_AUTHORITY_HOST).orElse(null);
        List<String> allowed = env.get(AZURE_ADDITIONALLY_ALLOWED_TENANTS)
                .map(v -> Arrays.asList(v.split(";"))).orElse(List.of());
        if (tenant != null && client != null && secret != null) {
            return new ClientSecret(tenant, client, secret, authority, allowed);
        }
        boolean certificate = env.get(AZURE_CLIENT_CERTIFICATE_PATH).isPresent();
        boolean user = env.get(AZURE_USERNAME).isPresent() && env.get(AZURE_PASSWORD).isPresent();
        if (client != null && (certificate && tenant != null || user)) {
            String which = certificate && tenant != null ? AZURE_CLIENT_CERTIFICATE_PATH : AZURE_USERNAME + " and " + AZURE_PASSWORD;
            return new Unavailable(credentialName + ": " + which + " are set, but this version of azid reads only the "
                    + "client-secret variables (" + AZURE_TENANT_ID + ", " + AZURE_CLIENT_ID + ", " + AZURE_CLIENT_SECRET
                    + "); certificate and username/password variables are not supported yet. Set "
                    + AZURE_CLIENT_SECRET + " instead.");
        }
        List<String> all = List.of(AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH,
                AZURE_USERNAME, AZURE_PASSWORD);
        List<String> present = new ArrayList<>();
        for (String name : all) {
            if (env.get(name).isPresent()) {
                present.add(name);
            }
        }
        if (present.isEmpty()) {
            return new Unavailable(credentialName + ": no service principal is configured in the environment. Set "
                    + AZURE_TENANT_ID + ", " + AZURE_CLIENT_ID + " and " + AZURE_CLIENT_SECRET + ".");
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of(AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET)) {
            if (!present.contains(name)) {
                missing.add(name);
            }
        }
        return new Unavailable(credentialName + ": the environment configures an incomplete service principal: "
                + String.join(", ", present) + (present.size() == 1 ? " is" : " are") + " set, but "
                + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                + " missing. Set the missing variables, or unset the others.");
    }
}
