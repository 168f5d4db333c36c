package dev.azid.azure.identity.migration;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import dev.azid.azure.identity.ClientSecretCredential;
import dev.azid.azure.identity.ClientSecretCredentialBuilder;

/** README "Authenticate a service principal with a client secret", reactive and blocking. */
public final class ClientSecretSample {

    private ClientSecretSample() {
    }

    /**
     * Gets a Graph token both ways.
     *
     * @param sandbox the surroundings
     * @return the blocking call's token, then the reactive call's
     */
    public static AccessToken[] run(Sandbox sandbox) {
        ClientSecretCredential credential = new ClientSecretCredentialBuilder()
                .tenantId(sandbox.tenantId())
                .clientId(sandbox.clientId())
                .clientSecret(sandbox.clientSecret())
                .authorityHost(sandbox.authorityHost())
                .httpClient(sandbox.httpClient())
                .build();
        TokenRequestContext request = new TokenRequestContext().addScopes("https://graph.microsoft.com/.default");
        AccessToken blocking = credential.getTokenSync(request);
        AccessToken reactive = credential.getToken(request).block();
        return new AccessToken[] {blocking, reactive};
    }
}
