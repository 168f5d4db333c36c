package dev.azid.azure.identity.migration;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import dev.azid.azure.identity.OnBehalfOfCredential;
import dev.azid.azure.identity.OnBehalfOfCredentialBuilder;
import dev.azid.azure.identity.UsernamePasswordCredential;
import dev.azid.azure.identity.UsernamePasswordCredentialBuilder;

/** An API calling Graph on behalf of its caller; the caller's token comes from a username/password sign-in. */
public final class OnBehalfOfSample {

    private OnBehalfOfSample() {
    }

    /**
     * Signs the user in to the API, then exchanges that token for Graph.
     *
     * @param sandbox the surroundings
     * @return the API's incoming token, then the Graph token obtained on the user's behalf
     */
    public static AccessToken[] run(Sandbox sandbox) {
        UsernamePasswordCredential user = new UsernamePasswordCredentialBuilder()
                .tenantId(sandbox.tenantId())
                .clientId(sandbox.clientId())
                .username(sandbox.username())
                .password(sandbox.password())
                .authorityHost(sandbox.authorityHost())
                .httpClient(sandbox.httpClient())
                .build();
        AccessToken incoming = user.getTokenSync(new TokenRequestContext().addScopes("api://azid-demo-api/access"));

        OnBehalfOfCredential credential = new OnBehalfOfCredentialBuilder()
                .tenantId(sandbox.tenantId())
                .clientId(sandbox.clientId())
                .clientSecret(sandbox.clientSecret())
                .userAssertion(incoming.getToken())
                .authorityHost(sandbox.authorityHost())
                .httpClient(sandbox.httpClient())
                .build();
        AccessToken graph = credential.getTokenSync(new TokenRequestContext().addScopes("https://graph.microsoft.com/User.Read"));
        return new AccessToken[] {incoming, graph};
    }
}
