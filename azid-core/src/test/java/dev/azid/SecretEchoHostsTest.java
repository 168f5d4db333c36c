package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.azid.http.HttpResponse;
import dev.azid.internal.process.ProcessResult;
import dev.azid.internal.process.ProcessRunner;
import dev.azid.test.Leaks;
import dev.azid.test.ScriptedTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Managed identity endpoints, developer tools, CI token services and cloud metadata endpoints that
 * echo secrets: none may reach an exception, its causes or a log line.
 */
class SecretEchoHostsTest extends SecretEchoFixture {

    private static final String OTHER = "Zx9-other_Opaque.Value7";

    private static HttpResponse text(int status, String body) {
        return new HttpResponse(status, Map.of("Content-Type", List.of("text/plain")), body.getBytes(StandardCharsets.UTF_8));
    }

    private ManagedIdentityCredential mi(Map<String, String> env) {
        return ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env)).httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(sleeper, () -> 0.5).build()).osName("Linux").arcTokenDirectory(dir)
                .build();
    }

    @Test
    void imds_500TextBodyWithSecrets_isMaskedAfterRetries() {
        transport.always(r -> text(500, "Internal error\npassword=" + PLANTED + "\nAuthorization: Bearer " + OTHER));
        Throwable t = failure(mi(Map.of()));
        assertThat(t).isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("HTTP 500")
                .hasMessageContaining("Internal error | password=****");
        Leaks.assertNone(t, logs, PLANTED, OTHER);
    }

    @Test
    void imds_400JsonDescriptionWithSecrets_isUnavailableAndMasked() {
        transport.thenJson(400, "{\"error\":\"invalid_request\",\"error_description\":\"Identity not found; "
                + "client_secret=" + PLANTED + " 'refresh_token': '" + OTHER + "'\"}");
        Throwable t = failure(mi(Map.of()));
        assertThat(t).isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("Identity not found");
        Leaks.assertNone(t, logs, PLANTED, OTHER);
    }

    @Test
    void appService_answerEchoesTheIdentityHeader_isMasked() {
        String header = "app-service-identity-header-value";
        transport.thenJson(401, "{\"statusCode\":401,\"message\":\"header " + header + " is not valid\"}");
        Throwable t = failure(mi(Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:41000/msi/token", "IDENTITY_HEADER", header)));
        Leaks.assertNone(t, logs, header);
    }

    @Test
    void appService_transportMessageEchoesTheIdentityHeader_isMasked() {
        String header = "app-service-identity-header-value";
        transport.always(r -> {
            throw new IOException("connection reset after sending X-IDENTITY-HEADER " + header);
        });
        Throwable t = failure(mi(Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:41000/msi/token", "IDENTITY_HEADER", header)));
        assertThat(t).hasMessageContaining("did not answer");
        Leaks.assertNone(t, logs, header);
    }

    @Test
    void arc_answerEchoesTheKey_isMasked() throws Exception {
        String key = "arc-secret-key-content";
        Path file = Files.writeString(dir.resolve("abc.key"), key);
        transport.then(r -> ScriptedTransport.json(401, "{}", Map.of("WWW-Authenticate", "Basic realm=" + file)))
                .then(r -> text(400, "refused Basic " + key + " for password=" + PLANTED));
        Throwable t = failure(mi(Map.of("IDENTITY_ENDPOINT", "http://localhost:40342/metadata/identity/oauth2/token",
                "IMDS_ENDPOINT", "http://localhost:40342")));
        Leaks.assertNone(t, logs, key, PLANTED);
    }

    private Environment path() throws IOException {
        for (String tool : List.of("az", "azd", "pwsh")) {
            Path p = Files.writeString(dir.resolve(tool), "#!/bin/sh\nexit 1\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return Environment.of(Map.of("PATH", dir.toString()));
    }

    private static ProcessRunner failing(String stderr) {
        return (argv, env, workingDirectory, timeout) -> new ProcessResult(1, "", stderr, false);
    }

    @Test
    void azureCli_stderrWithSecrets_isMasked() throws Exception {
        AzureCliCredential c = AzureCliCredential.builder().options(CredentialOptions.builder().environment(path()).clock(clock).executor(Runnable::run).build()).localZone(ZoneOffset.UTC)
                .osName("Linux").processRunner(failing("ERROR: AADSTS70043: The refresh token "
                        + "has expired. refresh_token=" + PLANTED + "\nAuthorization: Bearer " + OTHER)).build();
        Throwable t = failure(c);
        assertThat(t).isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("AADSTS70043");
        Leaks.assertNone(t, logs, PLANTED, OTHER);
    }

    @Test
    void azd_stderrWithSecrets_isMasked() throws Exception {
        AzureDeveloperCliCredential c = AzureDeveloperCliCredential.builder().options(CredentialOptions.builder().environment(path()).clock(clock).build()).localZone(ZoneOffset.UTC).osName("Linux").processRunner(failing("ERROR: fetching token: "
                        + "{\"client_secret\" :  \"" + PLANTED + "\"} --client-secret " + OTHER)).build();
        Leaks.assertNone(failure(c), logs, PLANTED, OTHER);
    }

    @Test
    void powerShell_tableOutputWithToken_isMasked() throws Exception {
        AzurePowerShellCredential c = AzurePowerShellCredential.builder().options(CredentialOptions.builder().environment(path()).clock(clock).build()).localZone(ZoneOffset.UTC).osName("Linux").processRunner(failing("Token     : " + PLANTED
                        + "\nExpiresOn : 11/24/2026 10:00:00 +00:00\nType      : Bearer\nsig=" + OTHER)).build();
        Throwable t = failure(c);
        assertThat(t).hasMessageContaining("ExpiresOn : 11/24/2026");
        Leaks.assertNone(t, logs, PLANTED, OTHER);
    }

    @Test
    void gitHubActions_oidcServiceEchoesTheRequestToken_isMasked() {
        String requestToken = "ghs_requestTokenValue0123";
        transport.then(r -> text(403, "denied: Authorization: bearer " + requestToken + "\nor raw " + requestToken));
        GitHubActionsCredential c = GitHubActionsCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "ACTIONS_ID_TOKEN_REQUEST_URL", "https://pipelines.actions.githubusercontent.com/x/idtoken",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", requestToken, "AZURE_TENANT_ID", SecretEchoTest.TENANT,
                "AZURE_CLIENT_ID", SecretEchoTest.CLIENT))).httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(sleeper, () -> 0.5).build()).build();
        Leaks.assertNone(failure(c), logs, requestToken);
    }

    @Test
    void gitHubActions_entraEchoesTheSystemToken_isMasked() {
        String requestToken = "ghs_requestTokenValue0123";
        transport.thenJson(200, "{\"value\":\"federated-oidc-token-value\"}")
                .thenJson(400, SecretEchoTest.entraError("AADSTS70021: no match for federated-oidc-token-value sent with "
                        + requestToken));
        GitHubActionsCredential c = GitHubActionsCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "ACTIONS_ID_TOKEN_REQUEST_URL", "https://pipelines.actions.githubusercontent.com/x/idtoken",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", requestToken, "AZURE_TENANT_ID", SecretEchoTest.TENANT,
                "AZURE_CLIENT_ID", SecretEchoTest.CLIENT))).httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(sleeper, () -> 0.5).build()).build();
        Leaks.assertNone(failure(c), logs, requestToken, "federated-oidc-token-value");
    }

    @Test
    void interactiveBrowser_redirectErrorQuotingSecrets_isMasked() {
        java.util.function.Consumer<URI> browser = url -> {
            Map<String, String> q = new java.util.HashMap<>();
            for (String pair : url.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            String description = "AADSTS50011: bad request client_secret=" + PLANTED + " Bearer " + OTHER;
            URI redirect = URI.create(q.get("redirect_uri") + "?state=" + q.get("state") + "&error=access_denied"
                    + "&error_description=" + java.net.URLEncoder.encode(description, StandardCharsets.UTF_8));
            try {
                java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(redirect).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        };
        InteractiveBrowserCredential c = InteractiveBrowserCredential.builder().tenantId(SecretEchoTest.TENANT)
                .browser(browser).options(CredentialOptions.builder().httpTransport(ScriptedTransport.failing()).executor(Runnable::run).build()).build();
        Throwable t = failure(c);
        assertThat(t).hasMessageContaining("sign-in failed: access_denied: AADSTS50011: bad request client_secret=****");
        Leaks.assertNone(t, logs, PLANTED, OTHER);
    }

    @Test
    void cloudDiscovery_transportMessageWithSecrets_isMasked() {
        transport.always(r -> {
            throw new IOException("TLS proxy said: Proxy-Authorization: Basic " + PLANTED + "\n?sig=" + OTHER);
        });
        CloudDiscovery d = CloudDiscovery.builder().httpTransport(transport).build();
        Throwable t = catchThrowable(() -> d.discover(URI.create("https://management.local.azurestack.external/")));
        assertThat(t).isInstanceOf(CloudDiscoveryException.class);
        Leaks.assertNone(t, logs, PLANTED, OTHER);
    }
}
