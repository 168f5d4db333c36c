package dev.azid.emulator;

import dev.azid.emulator.internal.Launcher;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A local Microsoft Entra ID and Azure Resource Manager emulator, on 127.0.0.1 only, over HTTPS
 * (with a CA generated at start) and plain HTTP. Start one per test class, or run
 * {@link EmulatorMain} standalone.
 *
 * <pre>{@code
 * try (EntraEmulator emulator = EntraEmulator.builder().start()) {
 *     URI authority = emulator.authorityHost();      // https://127.0.0.1:<port>
 *     SSLContext trust = emulator.sslContext();      // trusts the emulator's CA only
 *     URI imds = emulator.endpoints().imdsEndpoint(); // every other endpoint
 * }
 * }</pre>
 */
public final class EntraEmulator implements AutoCloseable {

    private final Launcher.Running running;
    private volatile boolean closed;

    EntraEmulator(Launcher.Running running) {
        this.running = running;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static EntraEmulatorBuilder builder() {
        return new EntraEmulatorBuilder();
    }

    /** @return where the emulator serves and what to trust: every endpoint, the start line's content */
    public EmulatorEndpoints endpoints() {
        return running.endpoints();
    }

    /** @return {@code https://127.0.0.1:<port>}, without a trailing slash: {@code endpoints().authorityHost()} */
    public URI authorityHost() {
        return running.endpoints().authorityHost();
    }

    /** @return a client TLS context that trusts the emulator's CA only */
    public SSLContext sslContext() {
        return running.pki().clientContext();
    }

    /** @return the CA certificate (its PEM file is {@code endpoints().caCertificate()}) */
    public X509Certificate caCertificate() {
        return running.pki().ca();
    }

    /** @return the directory the emulator serves */
    public EmulatorConfig config() {
        return running.config();
    }

    /** @return every request received, secrets masked */
    public RequestLog requestLog() {
        return running.log();
    }

    /** @return the fault rules */
    public Faults faults() {
        return running.faults();
    }

    /**
     * Makes a federated token as an external OIDC issuer would ({@link EmulatorConfig#FEDERATION_ISSUER},
     * audience {@code api://AzureADTokenExchange}, one hour), for workload identity tests: write it to
     * a file for {@code AZURE_FEDERATED_TOKEN_FILE}.
     *
     * @param subject the token's {@code sub}, e.g. {@link EmulatorConfig#DEFAULT_FEDERATED_SUBJECT}
     * @return the signed token
     */
    public String federatedToken(String subject) {
        return running.federatedToken(subject);
    }

    /**
     * Revokes every refresh token of a user, as Microsoft Graph's {@code revokeSignInSessions} does: the next
     * refresh with one of them is refused with {@code invalid_grant} (AADSTS50173) and the user must sign in again.
     *
     * @param username the user's sign-in name
     * @return how many refresh tokens were revoked
     */
    public int revokeSignInSessions(String username) {
        return running.routes().revokeSignInSessions(username);
    }

    /**
     * Makes the next authenticated Key Vault request fail with a Continuous Access Evaluation claims
     * challenge (401, {@code error="insufficient_claims"}, {@code claims} asking for a newer
     * {@code nbf}), as Key Vault does after Entra ID revokes a session; later requests succeed again.
     */
    public void challengeNextKeyVaultRequest() {
        running.routes().challengeNextKeyVaultRequest();
    }

    /** Stops every listener at once. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (running.transparent() != null) {
            running.transparent().close();
        }
        running.https().stop(0);
        running.http().stop(0);
        running.fabric().stop(0);
        running.executor().shutdownNow();
        try {
            running.executor().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "EntraEmulator[" + authorityHost() + ", " + endpoints().httpAuthorityHost() + "]";
    }
}
