package dev.azid.azure.identity.migration;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import dev.azid.azure.identity.AzureCliCredential;
import dev.azid.azure.identity.AzureCliCredentialBuilder;
import java.time.Duration;

/** README "Authenticate with the Azure CLI": the developer signed in with az login. */
public final class AzureCliSample {

    private AzureCliSample() {
    }

    /**
     * Gets an ARM token from the CLI found on the configuration's {@code PATH}.
     *
     * @param sandbox the surroundings
     * @return the token
     */
    public static AccessToken run(Sandbox sandbox) {
        AzureCliCredential credential = new AzureCliCredentialBuilder()
                .tenantId(sandbox.tenantId())
                .processTimeout(Duration.ofSeconds(30))
                .configuration(sandbox.configuration())
                .build();
        return credential.getTokenSync(new TokenRequestContext().addScopes("https://management.azure.com/.default"));
    }
}
