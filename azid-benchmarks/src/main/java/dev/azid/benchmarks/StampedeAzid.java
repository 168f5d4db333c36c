package dev.azid.benchmarks;

import dev.azid.CredentialOptions;
import dev.azid.ClientSecretCredential;
import dev.azid.TokenRequestContext;
import java.time.Duration;

/**
 * Child JVM for the cold-cache stampede with azid: warms the JVM with a token for
 * {@link ChildSettings#WARM_UP_SCOPE} from another credential, then releases the callers on a fresh
 * {@code ClientSecretCredential} for the scope under test, and prints the {@link Stampede} outcome.
 * The parent counts the token requests for that scope in the emulator's request log.
 */
public final class StampedeAzid {

    private StampedeAzid() {
    }

    /**
     * Entry point.
     *
     * @param args the number of callers and the timeout in seconds
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        ChildSettings s = ChildSettings.fromEnvironment();
        build(s).getToken(TokenRequestContext.of(ChildSettings.WARM_UP_SCOPE));
        ClientSecretCredential fresh = build(s);
        TokenRequestContext request = TokenRequestContext.of(s.scope());
        Stampede.Outcome outcome = Stampede.run(Integer.parseInt(args[0]), () -> fresh.getToken(request),
                Duration.ofSeconds(Long.parseLong(args[1])));
        ChildOutput.printAndExit(outcome.toLine(), 0);
    }

    private static ClientSecretCredential build(ChildSettings s) {
        return ClientSecretCredential.builder()
                .tenantId(s.tenantId())
                .clientId(s.clientId())
                .clientSecret(s.clientSecret())
                .options(CredentialOptions.builder().authorityHost(s.authorityHost()).build())
                .build();
    }
}
