package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.DefaultAzureCredential.Kind;
import dev.azid.test.LogCapture;
import dev.azid.test.ScriptedTransport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DefaultAzureCredentialTest {

    private static final String ARM = "https://management.azure.com/.default";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path emptyPath;

    private Map<String, String> nothingConfigured() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", emptyPath.toString());
        env.put("AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:" + closed);
        return env;
    }

    @Test
    void build_defaultOrder() {
        assertThat(DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of())).build()).build().kinds())
                .containsExactly(Kind.ENVIRONMENT, Kind.WORKLOAD_IDENTITY, Kind.MANAGED_IDENTITY, Kind.INTELLIJ,
                        Kind.VISUAL_STUDIO_CODE, Kind.AZURE_CLI, Kind.AZURE_POWERSHELL, Kind.AZURE_DEVELOPER_CLI);
    }

    @Test
    void azureTokenCredentials_narrowsTheChain() {
        assertThat(DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of("AZURE_TOKEN_CREDENTIALS", "dev"))).build())
                .build().kinds()).containsExactly(Kind.INTELLIJ, Kind.VISUAL_STUDIO_CODE, Kind.AZURE_CLI, Kind.AZURE_POWERSHELL,
                Kind.AZURE_DEVELOPER_CLI);
        assertThat(DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of("AZURE_TOKEN_CREDENTIALS", " Prod "))).build())
                .build().kinds()).containsExactly(Kind.ENVIRONMENT, Kind.WORKLOAD_IDENTITY, Kind.MANAGED_IDENTITY);
        assertThat(DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of("AZURE_TOKEN_CREDENTIALS",
                "azureclicredential"))).build()).build().kinds()).containsExactly(Kind.AZURE_CLI);
        assertThatThrownBy(() -> DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_TOKEN_CREDENTIALS", "laptop"))).build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'laptop'")
                .hasMessageContaining("'dev', 'prod'").hasMessageContaining("ManagedIdentityCredential")
                .hasMessageContaining("IntelliJCredential").hasMessageContaining("VisualStudioCodeCredential");
        assertThatThrownBy(() -> DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_TOKEN_CREDENTIALS", "dev"))).build()).exclude(Kind.AZURE_CLI).exclude(Kind.AZURE_POWERSHELL)
                .exclude(Kind.AZURE_DEVELOPER_CLI).exclude(Kind.INTELLIJ).exclude(Kind.VISUAL_STUDIO_CODE).build())
                .hasMessageContaining("every credential is excluded");
    }

    @Test
    void nothingConfigured_everyAttemptOnItsOwnLine() throws Exception {
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(nothingConfigured())).build()).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class)
                .satisfies(e -> {
                    List<String> lines = List.of(e.getMessage().split("\n"));
                    assertThat(lines.get(0)).startsWith("DefaultAzureCredential: no credential in the chain could get a token.");
                    assertThat(lines).anyMatch(l -> l.startsWith("    EnvironmentCredential: "))
                            .anyMatch(l -> l.startsWith("    WorkloadIdentityCredential: "))
                            .anyMatch(l -> l.startsWith("    ManagedIdentityCredential: no managed identity endpoint answered"))
                            .anyMatch(l -> l.startsWith("    IntelliJCredential: "))
                            .anyMatch(l -> l.startsWith("    VisualStudioCodeCredential: "))
                            .anyMatch(l -> l.startsWith("    AzureCliCredential: the Azure CLI ('az') is not installed"))
                            .anyMatch(l -> l.startsWith("    AzurePowerShellCredential: "))
                            .anyMatch(l -> l.startsWith("    AzureDeveloperCliCredential: "));
                });
        assertThat(c.selectedCredential()).isEmpty();
    }

    @Test
    void environmentConfigured_isSelectedAndSticky() throws Exception {
        Map<String, String> env = nothingConfigured();
        env.putAll(Map.of("AZURE_TENANT_ID", ClientSecretCredentialTest.TENANT, "AZURE_CLIENT_ID",
                ClientSecretCredentialTest.CLIENT, "AZURE_CLIENT_SECRET", ClientSecretCredentialTest.SECRET));
        ScriptedTransport t = new ScriptedTransport().always(r -> ScriptedTransport.json(200,
                ScriptedTransport.tokenJson("env-token", 3600), Map.of()));
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env)).httpTransport(t).executor(Runnable::run).build()).build();
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("env-token");
        assertThat(c.selectedCredential()).containsInstanceOf(EnvironmentCredential.class);
        assertThat(c.getTokenAsync(TokenRequestContext.of("https://vault.azure.net/.default")).join().token())
                .isEqualTo("env-token");
        logs.assertNoSecrets(ClientSecretCredentialTest.SECRET);
    }

    @Test
    void configuredButRefused_stopsTheChain() throws Exception {
        Map<String, String> env = nothingConfigured();
        env.putAll(Map.of("AZURE_TENANT_ID", ClientSecretCredentialTest.TENANT, "AZURE_CLIENT_ID",
                ClientSecretCredentialTest.CLIENT, "AZURE_CLIENT_SECRET", "wrong-secret"));
        ScriptedTransport t = new ScriptedTransport().thenJson(401, "{\"error\":\"invalid_client\",\"error_description\":"
                + "\"AADSTS7000215: Invalid client secret provided.\",\"error_codes\":[7000215]}");
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env)).httpTransport(t).build()).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("DefaultAzureCredential: EnvironmentCredential failed, so the chain stopped")
                .hasMessageContaining("AADSTS7000215").hasMessageNotContaining("wrong-secret");
        assertThat(t.calls()).isEqualTo(1);
    }

    @Test
    void managedIdentity_usesAzureClientIdAsUserAssignedId() {
        ScriptedTransport t = new ScriptedTransport()
                .thenJson(400, "{\"error\":\"bad_request\"}")
                .thenJson(200, "{\"access_token\":\"mi\",\"expires_in\":\"3600\"}");
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_CLIENT_ID", "uami-client", "PATH", emptyPath.toString()))).httpTransport(t).executor(Runnable::run).build())
                .build();
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("mi");
        assertThat(t.requests().get(0).headers()).as("the probe").doesNotContainKey("Metadata");
        assertThat(t.requests().get(1).uri().getRawQuery()).contains("client_id=uami-client");
        assertThat(c.selectedCredential()).containsInstanceOf(ManagedIdentityCredential.class);
    }
}
