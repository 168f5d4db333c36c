package dev.azid.benchmarks;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import java.time.Duration;

/**
 * Child JVM for the cold-cache stampede with com.azure:azure-identity ({@code getTokenSync}, its default
 * HTTP client, the JDK adapter, behind {@link FixedPortHttpClient} so that its token cache works against
 * the emulator): warms the JVM with a token for {@link ChildSettings#WARM_UP_SCOPE} from another
 * credential, then releases the callers on a fresh credential for the scope under test, and prints
 * the {@link Stampede} outcome.
 */
public final class StampedeAzureIdentity {

    private StampedeAzureIdentity() {
    }

    /**
     * Entry point.
     *
     * @param args the number of callers and the timeout in seconds
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        ChildSettings s = ChildSettings.fromEnvironment();
        build(s).getTokenSync(new TokenRequestContext().addScopes(ChildSettings.WARM_UP_SCOPE));
        ClientSecretCredential fresh = build(s);
        TokenRequestContext request = new TokenRequestContext().addScopes(s.scope());
        Stampede.Outcome outcome = Stampede.run(Integer.parseInt(args[0]), () -> fresh.getTokenSync(request),
                Duration.ofSeconds(Long.parseLong(args[1])));
        ChildOutput.printAndExit(outcome.toLine(), 0);
    }

    private static ClientSecretCredential build(ChildSettings s) {
        return new ClientSecretCredentialBuilder()
                .tenantId(s.tenantId())
                .clientId(s.clientId())
                .clientSecret(s.clientSecret())
                .authorityHost(FixedPortHttpClient.withoutPort(s.authorityHost()))
                .httpClient(new FixedPortHttpClient(HttpClient.createDefault(),
                        FixedPortHttpClient.port(s.authorityHost())))
                .disableInstanceDiscovery()
                .build();
    }
}
