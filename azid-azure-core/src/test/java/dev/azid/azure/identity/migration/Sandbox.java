package dev.azid.azure.identity.migration;

import com.azure.core.http.HttpClient;
import com.azure.core.util.Configuration;

/**
 * What a migration sample program gets from its surroundings: where Entra ID is, the HTTP client
 * that trusts it, the process configuration (the environment variables a host would set), the
 * application's settings, and the user at another device. In production the samples would use the
 * defaults; against the emulator they pass these. This file is not rewritten by the
 * "only the import changed" test: it uses no {@code com.azure.identity} type.
 *
 * @param authorityHost the emulator's authority host
 * @param httpClient an azure-core HTTP client trusting the emulator's CA
 * @param configuration the configuration (environment) the sample's credentials read
 * @param tenantId the tenant
 * @param clientId the confidential application
 * @param clientSecret its secret
 * @param certificateClientId the application authenticating with a certificate
 * @param certificatePath that application's PEM file (key and certificate)
 * @param userAssignedClientId the user-assigned managed identity's client id
 * @param username a user
 * @param password the user's password
 * @param user signs in on the device code page as the user would
 * @param keyVaultUrl the emulator's Key Vault
 */
public record Sandbox(String authorityHost, HttpClient httpClient, Configuration configuration, String tenantId,
        String clientId, String clientSecret, String certificateClientId, String certificatePath,
        String userAssignedClientId, String username, String password, DeviceUser user, String keyVaultUrl) {

    /** The user who enters a device code on another device. */
    @FunctionalInterface
    public interface DeviceUser {

        /**
         * Opens the page and enters the code, then signs in.
         *
         * @param verificationUrl the page
         * @param userCode the code
         */
        void enter(String verificationUrl, String userCode);
    }

    /**
     * The same sandbox with another configuration.
     *
     * @param other the configuration
     * @return the sandbox
     */
    public Sandbox with(Configuration other) {
        return new Sandbox(authorityHost, httpClient, other, tenantId, clientId, clientSecret, certificateClientId,
                certificatePath, userAssignedClientId, username, password, user, keyVaultUrl);
    }
}
