package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import dev.azid.test.LogCapture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GitHub Actions and Azure Pipelines credentials against the emulator's CI token endpoints and federation. */
@AzidEmulator
class FederatedCiEmulatorTest {

    private static final String ARM = "https://management.azure.com/.default";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @Test
    void gitHubActions_exchangesTheJobToken(EntraEmulator e) {
        GitHubActionsCredential c = GitHubActionsCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "ACTIONS_ID_TOKEN_REQUEST_URL", e.endpoints().githubTokenEndpoint().toString(),
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", EmulatorConfig.CI_REQUEST_TOKEN,
                "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID, "AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID,
                "AZURE_AUTHORITY_HOST", e.authorityHost().toString()))).httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build()).build()).build();
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isNotBlank();
        assertThat(e.requestLog().matching("/github/idtoken").get(0).query())
                .containsEntry("audience", "api://AzureADTokenExchange");
        logs.assertNoSecrets(EmulatorConfig.CI_REQUEST_TOKEN);
    }

    @Test
    void azurePipelines_exchangesTheServiceConnectionToken(EntraEmulator e) {
        AzurePipelinesCredential c = AzurePipelinesCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).serviceConnectionId("azid-connection")
                .systemAccessToken(EmulatorConfig.CI_REQUEST_TOKEN).oidcRequestUri(e.endpoints().pipelinesTokenEndpoint().toString())
                .options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build()).build()).build();
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isNotBlank();
        assertThatThrownBy(() -> AzurePipelinesCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).serviceConnectionId("azid-connection")
                .systemAccessToken("wrong-access-token").oidcRequestUri(e.endpoints().pipelinesTokenEndpoint().toString())
                .options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build()).build()).build()
                .getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("HTTP 401")
                .hasMessageNotContaining("wrong-access-token");
    }
}
