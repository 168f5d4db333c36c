package dev.azid.benchmarks;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import java.util.Set;

/**
 * Fleet child with MSAL4J and a distributed cache: a {@code ConfidentialClientApplication} (client
 * secret) whose token cache is loaded from and stored to Redis by {@link RedisTokenCacheAspect},
 * ready, then one {@code acquireToken} (client credentials, which looks in the cache first) on the
 * release ({@link FleetChild}). Authority without a port plus {@link MsalFixedPortHttpClient}, no
 * instance discovery or authority validation (the emulator is not a known Entra host).
 */
public final class FleetChildMsal {

    private FleetChildMsal() {
    }

    /**
     * Entry point.
     *
     * @param args none
     * @throws Exception if the application cannot be built or standard input cannot be read
     */
    public static void main(String[] args) throws Exception {
        ChildSettings s = ChildSettings.fromEnvironment();
        ConfidentialClientApplication app = ConfidentialClientApplication
                .builder(s.clientId(), ClientCredentialFactory.createFromSecret(s.clientSecret()))
                .authority(MsalFixedPortHttpClient.authority(s.authorityHost(), s.tenantId()))
                .instanceDiscovery(false)
                .validateAuthority(false)
                .httpClient(new MsalFixedPortHttpClient(java.net.URI.create(s.authorityHost()).getPort()))
                .setTokenCacheAccessAspect(new RedisTokenCacheAspect(
                        Integer.parseInt(ChildOutput.env(SharedStores.REDIS_PORT)),
                        ChildOutput.env(SharedStores.REDIS_PREFIX)))
                .build();
        ClientCredentialParameters request = ClientCredentialParameters.builder(Set.of(s.scope())).build();
        FleetChild.readyThenToken(() -> app.acquireToken(request).get().accessToken());
    }
}
