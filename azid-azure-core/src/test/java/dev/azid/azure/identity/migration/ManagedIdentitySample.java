package dev.azid.azure.identity.migration;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import dev.azid.azure.identity.ManagedIdentityCredential;
import dev.azid.azure.identity.ManagedIdentityCredentialBuilder;

/** README "Authenticate with a user-assigned managed identity" (here on App Service). */
public final class ManagedIdentitySample {

    private ManagedIdentitySample() {
    }

    /**
     * Gets a Storage token as the user-assigned identity.
     *
     * @param sandbox the surroundings; its configuration is the App Service host's environment
     * @return the token
     */
    public static AccessToken run(Sandbox sandbox) {
        ManagedIdentityCredential credential = new ManagedIdentityCredentialBuilder()
                .clientId(sandbox.userAssignedClientId())
                .configuration(sandbox.configuration())
                .httpClient(sandbox.httpClient())
                .build();
        return credential.getTokenSync(new TokenRequestContext().addScopes("https://storage.azure.com/.default"));
    }
}
