package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.azid.http.HttpTransport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original report, end to end over real sockets: a server on 127.0.0.1 behind a URL that
 * names {@code login.microsoftonline.com} in its user info never receives the secret, assertion
 * or identity header, because the value is refused before any request.
 */
class LookAlikeHostTest {

    private static final String T = UrlRefusalSites.T;
    private static final String C = UrlRefusalSites.C;
    private static final String SECRET = "look-alike-client-secret";
    private static final TokenRequestContext ARM = TokenRequestContext.of("https://management.azure.com/.default");

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String lookAlike;
    private HttpTransport transport;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", ex -> {
            String headers = ex.getRequestHeaders().entrySet().toString();
            String body = new String(ex.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
            received.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + headers + " " + body);
            byte[] answer = "{\"error\":\"invalid_request\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(400, answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        lookAlike = "http://login.microsoftonline.com@127.0.0.1:" + server.getAddress().getPort();
        transport = HttpTransport.builder().environment(Environment.of(Map.of())).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void clientSecret_lookAlikeAuthorityHost_isRefusedAtBuildAndTheServerReceivesNothing() {
        Throwable refused = catchThrowable(() -> ClientSecretCredential.builder().tenantId(T).clientId(C).clientSecret(SECRET)
                .options(CredentialOptions.builder().authorityHost(lookAlike).httpTransport(transport).build()).build().getToken(ARM));
        assertThat(received).as("what the server at 127.0.0.1 received").isEmpty();
        assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ClientSecretCredential: CredentialOptions.authorityHost has user info")
                .hasMessageContaining("https://login.microsoftonline.com").hasMessageNotContaining("127.0.0.1");
    }

    @Test
    void environmentCredential_lookAlikeAzureAuthorityHost_failsBeforeAnyRequest() {
        Throwable refused = catchThrowable(() -> EnvironmentCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_TENANT_ID", T, "AZURE_CLIENT_ID", C, "AZURE_CLIENT_SECRET", SECRET, "AZURE_AUTHORITY_HOST", lookAlike))).httpTransport(transport).build()).build().getToken(ARM));
        assertThat(received).as("what the server at 127.0.0.1 received").isEmpty();
        assertThat(refused).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("EnvironmentCredential: AZURE_AUTHORITY_HOST has user info")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultAzureCredential_lookAlikeAzureAuthorityHost_stopsTheChainBeforeAnyRequest() {
        Throwable refused = catchThrowable(() -> DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_TENANT_ID", T, "AZURE_CLIENT_ID", C, "AZURE_CLIENT_SECRET", SECRET, "AZURE_AUTHORITY_HOST", lookAlike))).httpTransport(transport).build()).build().getToken(ARM));
        assertThat(received).as("what the server at 127.0.0.1 received").isEmpty();
        assertThat(refused).isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("AZURE_AUTHORITY_HOST")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void workloadIdentity_lookAlikeAzureAuthorityHost_neverSendsTheAssertion() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "federated-assertion-value");
        Throwable refused = catchThrowable(() -> WorkloadIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_TENANT_ID", T, "AZURE_CLIENT_ID", C, "AZURE_FEDERATED_TOKEN_FILE", token.toString(),
                "AZURE_AUTHORITY_HOST", lookAlike))).httpTransport(transport).build()).build().getToken(ARM));
        assertThat(received).as("what the server at 127.0.0.1 received").isEmpty();
        assertThat(refused).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("WorkloadIdentityCredential: AZURE_AUTHORITY_HOST has user info");
    }

    @Test
    void managedIdentity_lookAlikeIdentityEndpoint_neverSendsTheIdentityHeader() {
        Throwable refused = catchThrowable(() -> ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "IDENTITY_ENDPOINT", lookAlike + "/msi/token", "IDENTITY_HEADER", "identity-header-value"))).httpTransport(transport).build()).build().getToken(ARM));
        assertThat(received).as("what the server at 127.0.0.1 received").isEmpty();
        assertThat(refused).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("ManagedIdentityCredential: IDENTITY_ENDPOINT has user info");
    }

    @Test
    void gitHubActions_lookAlikeRequestUrl_neverSendsTheRequestToken() {
        Throwable refused = catchThrowable(() -> GitHubActionsCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "ACTIONS_ID_TOKEN_REQUEST_URL", lookAlike + "/idtoken?api-version=2.0", "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
                "request-token-value", "AZURE_TENANT_ID", T, "AZURE_CLIENT_ID", C))).httpTransport(transport).build()).build()
                .getToken(ARM));
        assertThat(received).as("what the server at 127.0.0.1 received").isEmpty();
        assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("GitHubActionsCredential: ACTIONS_ID_TOKEN_REQUEST_URL has user info");
    }
}
