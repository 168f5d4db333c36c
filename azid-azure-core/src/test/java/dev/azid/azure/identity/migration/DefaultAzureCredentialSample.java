package dev.azid.azure.identity.migration;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import dev.azid.azure.identity.DefaultAzureCredential;
import dev.azid.azure.identity.DefaultAzureCredentialBuilder;

/** README "Authenticate with DefaultAzureCredential": the environment configures a service principal. */
public final class DefaultAzureCredentialSample {

    private DefaultAzureCredentialSample() {
    }

    /**
     * Gets an ARM token from the default chain.
     *
     * @param sandbox the surroundings
     * @return the token
     */
    public static AccessToken run(Sandbox sandbox) {
        DefaultAzureCredential credential = new DefaultAzureCredentialBuilder()
                .authorityHost(sandbox.authorityHost())
                .httpClient(sandbox.httpClient())
                .configuration(sandbox.configuration())
                .build();
        TokenRequestContext request = new TokenRequestContext().addScopes("https://management.azure.com/.default");
        return credential.getTokenSync(request);
    }
}
