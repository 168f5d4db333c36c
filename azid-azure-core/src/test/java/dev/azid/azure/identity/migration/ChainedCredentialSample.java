package dev.azid.azure.identity.migration;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import dev.azid.azure.identity.ChainedTokenCredential;
import dev.azid.azure.identity.ChainedTokenCredentialBuilder;
import dev.azid.azure.identity.EnvironmentCredential;
import dev.azid.azure.identity.EnvironmentCredentialBuilder;
import dev.azid.azure.identity.ManagedIdentityCredential;
import dev.azid.azure.identity.ManagedIdentityCredentialBuilder;

/** README "Chaining credentials": the environment if configured, else the managed identity. */
public final class ChainedCredentialSample {

    private ChainedCredentialSample() {
    }

    /**
     * Gets an ARM token from the first credential of the chain that is available.
     *
     * @param sandbox the surroundings; its configuration configures no service principal
     * @return the token
     */
    public static AccessToken run(Sandbox sandbox) {
        EnvironmentCredential environment = new EnvironmentCredentialBuilder()
                .configuration(sandbox.configuration())
                .build();
        ManagedIdentityCredential managedIdentity = new ManagedIdentityCredentialBuilder()
                .clientId(sandbox.userAssignedClientId())
                .configuration(sandbox.configuration())
                .httpClient(sandbox.httpClient())
                .build();
        ChainedTokenCredential credential = new ChainedTokenCredentialBuilder()
                .addLast(environment)
                .addLast(managedIdentity)
                .build();
        return credential.getTokenSync(new TokenRequestContext().addScopes("https://management.azure.com/.default"));
    }
}
