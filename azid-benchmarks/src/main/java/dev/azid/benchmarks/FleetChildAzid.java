package dev.azid.benchmarks;

import dev.azid.ClientSecretCredential;
import dev.azid.TokenRequestContext;

/**
 * Fleet child with azid: a {@code ClientSecretCredential} with the shared cache the parent describes
 * ({@link SharedStores}: file or Redis), ready, then one token on the release ({@link FleetChild}).
 */
public final class FleetChildAzid {

    private FleetChildAzid() {
    }

    /**
     * Entry point.
     *
     * @param args none
     * @throws Exception if standard input cannot be read
     */
    public static void main(String[] args) throws Exception {
        ChildSettings s = ChildSettings.fromEnvironment();
        ClientSecretCredential credential = SharedStores.credential(s, SharedStores.fromEnvironment());
        TokenRequestContext request = TokenRequestContext.of(s.scope());
        FleetChild.readyThenToken(() -> credential.getToken(request).token());
    }
}
