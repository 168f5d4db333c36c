package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.http.HttpRequest;
import dev.azid.test.LogCapture;
import dev.azid.test.MutableClock;
import dev.azid.test.ScriptedTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Workload identity, Azure Pipelines and GitHub Actions: federated tokens exchanged as client assertions. */
class FederatedCredentialsTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final String T = ClientSecretCredentialTest.TENANT;
    private static final String C = ClientSecretCredentialTest.CLIENT;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final ScriptedTransport transport = new ScriptedTransport();

    private static String assertion(ScriptedTransport t, int i) {
        String body = new String(t.requests().get(i).body(), StandardCharsets.UTF_8);
        return ClientSecretCredentialTest.form(body).get("client_assertion");
    }

    @Test
    void workloadIdentity_readsFileAndRereadsAfterFiveMinutes() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "sa-token-one\n");
        transport.always(r -> ScriptedTransport.json(200, ScriptedTransport.tokenJson("tok", 600), Map.of()));
        WorkloadIdentityCredential c = WorkloadIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_FEDERATED_TOKEN_FILE", file.toString(), "AZURE_CLIENT_ID", C, "AZURE_TENANT_ID", T,
                "AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us"))).httpTransport(transport).clock(clock).executor(Runnable::run).build()).build();
        c.getToken(TokenRequestContext.of(ARM));
        assertThat(assertion(transport, 0)).isEqualTo("sa-token-one");
        assertThat(transport.requests().get(0).uri().getHost()).isEqualTo("login.microsoftonline.us");
        Files.writeString(file, "sa-token-two");
        clock.advance(Duration.ofMinutes(2));
        c.getToken(TokenRequestContext.of("https://vault.azure.net/.default"));
        assertThat(assertion(transport, 1)).as("within 5 minutes the copy in memory is used").isEqualTo("sa-token-one");
        clock.advance(Duration.ofMinutes(4));
        c.getToken(TokenRequestContext.of("https://storage.azure.com/.default"));
        assertThat(assertion(transport, 2)).isEqualTo("sa-token-two");
        logs.assertNoSecrets("sa-token-one", "sa-token-two");
    }

    @Test
    void workloadIdentity_missingVariables_unavailableNamingThem() {
        assertThatThrownBy(() -> WorkloadIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of("AZURE_CLIENT_ID", C))).build())
                .build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class)
                .hasMessageContaining("AZURE_FEDERATED_TOKEN_FILE, AZURE_TENANT_ID are not set");
    }

    @Test
    void workloadIdentity_missingOrEmptyFile_failsNamingPath() throws Exception {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> WorkloadIdentityCredential.builder().tenantId(T).clientId(C).tokenFilePath(missing)
                .options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(transport).build()).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining(missing + " does not exist");
        Path empty = Files.writeString(dir.resolve("empty"), "  \n");
        assertThatThrownBy(() -> WorkloadIdentityCredential.builder().tenantId(T).clientId(C).tokenFilePath(empty)
                .options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(transport).build()).build().getToken(TokenRequestContext.of(ARM)))
                .hasMessageContaining("is empty");
        assertThat(transport.calls()).isZero();
    }

    @Test
    void azurePipelines_requestsOidcTokenThenExchangesIt() {
        transport.thenJson(200, "{\"oidcToken\":\"ado-oidc-jwt\"}").thenJson(200, ScriptedTransport.tokenJson("tok", 3600));
        AzurePipelinesCredential c = AzurePipelinesCredential.builder().tenantId(T).clientId(C)
                .serviceConnectionId("sc-1").systemAccessToken("system-access-token-value")
                .options(CredentialOptions.builder().environment(Environment.of(Map.of("SYSTEM_OIDCREQUESTURI",
                        "https://dev.azure.com/org/proj/_apis/distributedtask/hubs/build/plans/p/jobs/j/oidctoken"))).httpTransport(transport).executor(Runnable::run).build()).build();
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("tok");
        HttpRequest oidc = transport.requests().get(0);
        assertThat(oidc.method()).isEqualTo("POST");
        assertThat(oidc.uri().getRawQuery()).isEqualTo("api-version=7.1&serviceConnectionId=sc-1");
        assertThat(oidc.headers()).containsEntry("Authorization", "Bearer system-access-token-value");
        assertThat(assertion(transport, 1)).isEqualTo("ado-oidc-jwt");
        logs.assertNoSecrets("system-access-token-value", "ado-oidc-jwt");
    }

    @Test
    void azurePipelines_refusedOrMalformed_failsWithoutEchoingBearer() {
        transport.thenJson(401, "{\"message\":\"denied\"}");
        AzurePipelinesCredential c = AzurePipelinesCredential.builder().tenantId(T).clientId(C).serviceConnectionId("sc")
                .systemAccessToken("bearer-value").oidcRequestUri("https://dev.azure.com/x").options(CredentialOptions.builder().httpTransport(transport).build()).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("HTTP 401").hasMessageNotContaining("bearer-value");
        assertThatThrownBy(() -> AzurePipelinesCredential.builder().tenantId(T).clientId(C).serviceConnectionId("sc")
                .systemAccessToken("x").options(CredentialOptions.builder().environment(Environment.of(Map.of())).build()).build())
                .hasMessageContaining("SYSTEM_OIDCREQUESTURI is not set");
    }

    @Test
    void gitHubActions_requestsTokenWithAudienceThenExchangesIt() {
        transport.thenJson(200, "{\"count\":1,\"value\":\"gh-oidc-jwt\"}").thenJson(200, ScriptedTransport.tokenJson("tok", 3600));
        GitHubActionsCredential c = GitHubActionsCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "ACTIONS_ID_TOKEN_REQUEST_URL", "https://pipelines.actions.githubusercontent.com/abc/idtoken?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh-request-token", "AZURE_CLIENT_ID", C, "AZURE_TENANT_ID", T))).httpTransport(transport).executor(Runnable::run).build()).build();
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("tok");
        assertThat(transport.requests().get(0).uri().getQuery()).isEqualTo("api-version=2.0&audience=api://AzureADTokenExchange");
        assertThat(transport.requests().get(0).headers()).containsEntry("Authorization", "Bearer gh-request-token");
        assertThat(assertion(transport, 1)).isEqualTo("gh-oidc-jwt");
        logs.assertNoSecrets("gh-request-token", "gh-oidc-jwt");
        assertThatThrownBy(() -> GitHubActionsCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of())).build()).build())
                .hasMessageContaining("id-token: write");
    }
}
