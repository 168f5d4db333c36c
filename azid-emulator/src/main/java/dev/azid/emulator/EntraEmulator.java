package dev.azid.emulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.azid.emulator.internal.EmulatorState;
import dev.azid.emulator.internal.Pki;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutorService;
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
 * }
 * }</pre>
 */
public final class EntraEmulator implements AutoCloseable {

    private final HttpsServer httpsServer;
    private final HttpServer httpServer;
    private final HttpsServer fabricServer;
    private final ExecutorService executor;
    private final EmulatorState state;
    private final Path stateDirectory;
    private final Path arcKeyDirectory;
    private volatile boolean closed;

    EntraEmulator(HttpsServer httpsServer, HttpServer httpServer, HttpsServer fabricServer, ExecutorService executor,
            EmulatorState state, Path stateDirectory, Path arcKeyDirectory) {
        this.fabricServer = fabricServer;
        this.arcKeyDirectory = arcKeyDirectory;
        this.httpsServer = httpsServer;
        this.httpServer = httpServer;
        this.executor = executor;
        this.state = state;
        this.stateDirectory = stateDirectory;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static EntraEmulatorBuilder builder() {
        return new EntraEmulatorBuilder();
    }

    /** @return {@code https://127.0.0.1:<port>}, without a trailing slash */
    public URI authorityHost() {
        return URI.create("https://127.0.0.1:" + httpsServer.getAddress().getPort());
    }

    /** @return {@code http://127.0.0.1:<port>}: the same routes over plain HTTP */
    public URI httpAuthorityHost() {
        return URI.create("http://127.0.0.1:" + httpServer.getAddress().getPort());
    }

    /** @return the ARM endpoint, {@code https://127.0.0.1:<port>/} */
    public URI armEndpoint() {
        return URI.create(authorityHost() + "/");
    }

    /**
     * The Key Vault URL: a vault of the first tenant serving {@code PUT} and {@code GET /secrets/...}
     * behind Key Vault's bearer challenge (resource {@code https://vault.azure.net}). Its host is not
     * a {@code *.vault.azure.net} name, so Azure SDK clients need their challenge resource
     * verification disabled.
     *
     * @return {@code https://127.0.0.1:<port>/}
     */
    public URI keyVaultEndpoint() {
        return URI.create(authorityHost() + "/");
    }

    /**
     * Makes the next authenticated Key Vault request fail with a Continuous Access Evaluation claims
     * challenge (401, {@code error="insufficient_claims"}, {@code claims} asking for a newer
     * {@code nbf}), as Key Vault does after Entra ID revokes a session; later requests succeed again.
     */
    public void challengeNextKeyVaultRequest() {
        dev.azid.emulator.internal.KeyVaultHandler.challengeNextRequest(state);
    }

    /** @return the IMDS host, over HTTP as on a VM: use it as {@code AZURE_POD_IDENTITY_AUTHORITY_HOST} */
    public URI imdsEndpoint() {
        return httpAuthorityHost();
    }

    /** @return the App Service (2019-08-01) endpoint, for {@code IDENTITY_ENDPOINT} */
    public URI appServiceEndpoint() {
        return URI.create(httpAuthorityHost() + "/msi/token");
    }

    /** @return the legacy App Service / Azure ML (2017-09-01) endpoint, for {@code MSI_ENDPOINT} */
    public URI legacyMsiEndpoint() {
        return URI.create(httpAuthorityHost() + "/msi/legacy");
    }

    /** @return the Cloud Shell endpoint, for {@code MSI_ENDPOINT} alone */
    public URI cloudShellEndpoint() {
        return URI.create(httpAuthorityHost() + "/cloudshell/token");
    }

    /** @return the Azure Arc endpoint, for {@code IDENTITY_ENDPOINT} (with {@code IMDS_ENDPOINT} set) */
    public URI arcIdentityEndpoint() {
        return URI.create(httpAuthorityHost() + "/arc/metadata/identity/oauth2/token");
    }

    /** @return the Service Fabric endpoint (its own self-signed HTTPS certificate), for {@code IDENTITY_ENDPOINT} */
    public URI serviceFabricEndpoint() {
        return URI.create("https://127.0.0.1:" + fabricServer.getAddress().getPort()
                + "/servicefabric/metadata/identity/oauth2/token");
    }

    /** @return the SHA-1 thumbprint (hex) of the Service Fabric certificate, for {@code IDENTITY_SERVER_THUMBPRINT} */
    public String serviceFabricThumbprint() {
        return state.pki().fabricThumbprint();
    }

    /** @return the GitHub Actions OIDC endpoint, for {@code ACTIONS_ID_TOKEN_REQUEST_URL} */
    public URI githubTokenEndpoint() {
        return URI.create(authorityHost() + "/github/idtoken");
    }

    /** @return the Azure Pipelines OIDC endpoint, for {@code SYSTEM_OIDCREQUESTURI} */
    public URI pipelinesTokenEndpoint() {
        return URI.create(authorityHost() + "/pipelines/oidctoken");
    }

    /** @return where the Arc endpoint writes the key files its challenges name */
    public Path arcKeyDirectory() {
        return arcKeyDirectory;
    }

    /** @return the {@code IDENTITY_HEADER} / {@code MSI_SECRET} value the endpoints expect (a test fixture) */
    public String identityHeader() {
        return dev.azid.emulator.internal.ManagedIdentityEndpoints.IDENTITY_HEADER;
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
        return dev.azid.emulator.internal.FederationIssuer.token(state, subject, "api://AzureADTokenExchange", 3600);
    }

    /** @return the PEM file of the emulator's CA */
    public Path caCertificatePem() {
        return stateDirectory.resolve("ca.pem");
    }

    /** @return a PKCS#12 trust store holding the CA (password {@link #trustStorePassword()}) */
    public Path trustStore() {
        return stateDirectory.resolve("truststore.p12");
    }

    /** @return the trust store's password, {@code changeit} */
    public String trustStorePassword() {
        return Pki.TRUST_STORE_PASSWORD;
    }

    /** @return a client TLS context that trusts the emulator's CA only */
    public SSLContext sslContext() {
        return state.pki().clientContext();
    }

    /** @return the CA certificate */
    public X509Certificate caCertificate() {
        return state.pki().ca();
    }

    /** @return the directory the emulator serves */
    public EmulatorConfig config() {
        return state.config();
    }

    /** @return every request received, secrets masked */
    public RequestLog requestLog() {
        return state.log();
    }

    /**
     * Revokes every refresh token of a user, as Microsoft Graph's {@code revokeSignInSessions} does: the next
     * refresh with one of them is refused with {@code invalid_grant} (AADSTS50173) and the user must sign in again.
     *
     * @param username the user's sign-in name
     * @return how many refresh tokens were revoked
     */
    public int revokeSignInSessions(String username) {
        return state.sessions().revoke(username);
    }

    /** @return the fault rules */
    public Faults faults() {
        return state.faults();
    }

    /** Stops both listeners at once. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        httpsServer.stop(0);
        httpServer.stop(0);
        fabricServer.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "EntraEmulator[" + authorityHost() + ", " + httpAuthorityHost() + "]";
    }
}
