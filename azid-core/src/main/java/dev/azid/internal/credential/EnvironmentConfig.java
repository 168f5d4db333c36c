package dev.azid.internal.credential;

import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_CERTIFICATE_PASSWORD;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_CERTIFICATE_PATH;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_ID;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_SECRET;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_CLIENT_SEND_CERTIFICATE_CHAIN;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_PASSWORD;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_TENANT_ID;
import static dev.azid.internal.env.EnvironmentVariables.AZURE_USERNAME;

import dev.azid.Environment;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code AZURE_*} variables configure, for {@code EnvironmentCredential}. The first
 * complete set wins: client secret, then certificate, then username and password. Only variable
 * names ever reach a message, never values.
 */
public sealed interface EnvironmentConfig {

    /**
     * {@code AZURE_TENANT_ID} + {@code AZURE_CLIENT_ID} + {@code AZURE_CLIENT_SECRET}.
     *
     * @param tenantId the tenant
     * @param clientId the client id
     * @param clientSecret the secret
     */
    record ClientSecret(String tenantId, String clientId, String clientSecret) implements EnvironmentConfig {
        @Override
        public String toString() {
            return "ClientSecret[tenantId=" + tenantId + ", clientId=" + clientId + "]";
        }
    }

    /**
     * {@code AZURE_TENANT_ID} + {@code AZURE_CLIENT_ID} + {@code AZURE_CLIENT_CERTIFICATE_PATH}
     * (+ password, + send chain).
     *
     * @param tenantId the tenant
     * @param clientId the client id
     * @param certificatePath the PEM or PFX path
     * @param certificatePassword its password, or {@code null}
     * @param sendCertificateChain {@code AZURE_CLIENT_SEND_CERTIFICATE_CHAIN} is {@code true} or {@code 1}
     */
    record ClientCertificate(String tenantId, String clientId, String certificatePath, String certificatePassword,
            boolean sendCertificateChain) implements EnvironmentConfig {
        @Override
        public String toString() {
            return "ClientCertificate[tenantId=" + tenantId + ", clientId=" + clientId + ", path=" + certificatePath + "]";
        }
    }

    /**
     * {@code AZURE_CLIENT_ID} + {@code AZURE_USERNAME} + {@code AZURE_PASSWORD} (+ tenant, default
     * {@code organizations}).
     *
     * @param tenantId the tenant
     * @param clientId the public client id
     * @param username the user
     * @param password the password
     */
    record UsernamePassword(String tenantId, String clientId, String username, String password)
            implements EnvironmentConfig {
        @Override
        public String toString() {
            return "UsernamePassword[tenantId=" + tenantId + ", clientId=" + clientId + ", username=" + username + "]";
        }
    }

    /**
     * No complete set.
     *
     * @param reason which variables are set, which are missing, and what to do (names only)
     */
    record Unavailable(String reason) implements EnvironmentConfig {
    }

    /**
     * Reads the variables.
     *
     * @param env the environment
     * @param credentialName the credential, for messages
     * @return the configuration
     */
    static EnvironmentConfig read(Environment env, String credentialName) {
        String tenant = env.get(AZURE_TENANT_ID).map(String::trim).orElse(null);
        String client = env.get(AZURE_CLIENT_ID).map(String::trim).orElse(null);
        String secret = env.get(AZURE_CLIENT_SECRET).orElse(null);
        String certificate = env.get(AZURE_CLIENT_CERTIFICATE_PATH).map(String::trim).orElse(null);
        String username = env.get(AZURE_USERNAME).map(String::trim).orElse(null);
        String password = env.get(AZURE_PASSWORD).orElse(null);
        // AZURE_AUTHORITY_HOST, AZURE_REGIONAL_AUTHORITY_NAME and AZURE_ADDITIONALLY_ALLOWED_TENANTS are
        // resolved with the options (CredentialSettings), as for every credential.
        if (tenant != null && client != null && secret != null) {
            return new ClientSecret(tenant, client, secret);
        }
        if (tenant != null && client != null && certificate != null) {
            boolean chain = env.get(AZURE_CLIENT_SEND_CERTIFICATE_CHAIN)
                    .map(v -> v.trim().equalsIgnoreCase("true") || v.trim().equals("1")).orElse(false);
            return new ClientCertificate(tenant, client, certificate,
                    env.get(AZURE_CLIENT_CERTIFICATE_PASSWORD).orElse(null), chain);
        }
        if (client != null && username != null && password != null) {
            return new UsernamePassword(tenant == null ? "organizations" : tenant, client, username, password);
        }
        return new Unavailable(incomplete(env, credentialName, secret != null, certificate != null,
                username != null || password != null));
    }

    private static String incomplete(Environment env, String name, boolean secret, boolean certificate, boolean user) {
        List<String> needed;
        String kind;
        if (secret) {
            kind = "client secret";
            needed = List.of(AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET);
        } else if (certificate) {
            kind = "client certificate";
            needed = List.of(AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH);
        } else if (user) {
            kind = "user name and password";
            needed = List.of(AZURE_CLIENT_ID, AZURE_USERNAME, AZURE_PASSWORD);
        } else {
            List<String> present = present(env, List.of(AZURE_TENANT_ID, AZURE_CLIENT_ID));
            if (present.isEmpty()) {
                return name + ": no service principal or user is configured in the environment. Set "
                        + AZURE_TENANT_ID + ", " + AZURE_CLIENT_ID + " and " + AZURE_CLIENT_SECRET + " (or "
                        + AZURE_CLIENT_CERTIFICATE_PATH + " instead of the secret).";
            }
            return name + ": the environment configures an incomplete service principal: " + list(present)
                    + (present.size() == 1 ? " is" : " are") + " set, but none of " + AZURE_CLIENT_SECRET + ", "
                    + AZURE_CLIENT_CERTIFICATE_PATH + ", or " + AZURE_USERNAME + " and " + AZURE_PASSWORD
                    + " is. Set the variables of one of these, or unset the others.";
        }
        List<String> present = present(env, needed);
        List<String> missing = new ArrayList<>(needed);
        missing.removeAll(present);
        return name + ": the environment configures an incomplete " + kind + ": " + list(present)
                + (present.size() == 1 ? " is" : " are") + " set, but " + list(missing)
                + (missing.size() == 1 ? " is" : " are") + " missing. Set the missing variables, or unset the others.";
    }

    private static List<String> present(Environment env, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (env.get(n).isPresent()) {
                out.add(n);
            }
        }
        return out;
    }

    private static String list(List<String> names) {
        return String.join(", ", names);
    }
}
