package dev.azid.benchmarks;

import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ClientSecretCredential;

/**
 * Fleet child with com.azure:azure-identity: the cold-start child's {@code ClientSecretCredential}
 * ({@link ColdStartAzureIdentity#credential}), with its default, per-process token cache and its default
 * HTTP client (the JDK adapter), ready, then one token ({@code getTokenSync}) on the release
 * ({@link FleetChild}).
 */
public final class FleetChildAzureIdentity {

    private FleetChildAzureIdentity() {
    }

    /**
     * Entry point.
     *
     * @param args none
     * @throws Exception if standard input cannot be read
     */
    public static void main(String[] args) throws Exception {
        ChildSettings s = ChildSettings.fromEnvironment();
        ClientSecretCredential credential = ColdStartAzureIdentity.credential(s);
        TokenRequestContext request = new TokenRequestContext().addScopes(s.scope());
        FleetChild.readyThenToken(() -> credential.getTokenSync(request).getToken());
    }
}
