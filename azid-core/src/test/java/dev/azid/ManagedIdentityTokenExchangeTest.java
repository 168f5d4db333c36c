package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import dev.azid.test.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * ManagedIdentityCredential on AKS with workload identity: with {@code AZURE_TENANT_ID} and
 * {@code AZURE_FEDERATED_TOKEN_FILE} set it exchanges the file's token, as azure-identity does.
 */
@AzidEmulator
class ManagedIdentityTokenExchangeTest {

    private static final String ARM = "https://management.azure.com/.default";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private ManagedIdentityCredential.Builder builder(EntraEmulator e, Map<String, String> vars) {
        Map<String, String> env = new HashMap<>(Map.of("AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID,
                "AZURE_AUTHORITY_HOST", e.authorityHost().toString(), "AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:1"));
        env.putAll(vars);
        return ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env))
                .httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build()).build());
    }

    private Path tokenFile(EntraEmulator e) throws Exception {
        return Files.writeString(dir.resolve("token"), e.federatedToken(EmulatorConfig.DEFAULT_FEDERATED_SUBJECT));
    }

    @Test
    void build_federatedTokenFileAndTenant_exchangesTheFileForClientIdFromEnvironment(EntraEmulator e) throws Exception {
        Path file = tokenFile(e);
        ManagedIdentityCredential c = builder(e, Map.of("AZURE_FEDERATED_TOKEN_FILE", file.toString(),
                "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID)).build();
        assertThat(c.source()).isEqualTo("token exchange");
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isNotBlank();
        assertThat(e.requestLog().all()).anyMatch(r -> r.path().endsWith("/oauth2/v2.0/token")
                && r.form().containsKey("client_assertion") && EmulatorConfig.DEFAULT_CLIENT_ID.equals(r.form().get("client_id")));
        assertThat(e.requestLog().all()).noneMatch(r -> r.path().contains("/metadata/identity"));
        logs.assertNoSecrets(Files.readString(file));
    }

    @Test
    void build_builderClientId_winsOverEnvironment(EntraEmulator e) throws Exception {
        ManagedIdentityCredential c = builder(e, Map.of("AZURE_FEDERATED_TOKEN_FILE", tokenFile(e).toString(),
                "AZURE_CLIENT_ID", "00000000-0000-4000-8000-00000000dead")).clientId(EmulatorConfig.DEFAULT_CLIENT_ID).build();
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isNotBlank();
    }

    @Test
    void getToken_noClientId_isUnavailableNamingManagedIdentityCredential(EntraEmulator e) throws Exception {
        ManagedIdentityCredential c = builder(e, Map.of("AZURE_FEDERATED_TOKEN_FILE", tokenFile(e).toString())).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(CredentialUnavailableException.class)
                .hasMessageStartingWith("ManagedIdentityCredential: ").hasMessageContaining("AZURE_CLIENT_ID");
    }

    @Test
    void build_fileWithoutTenant_usesTheHostEndpoint(EntraEmulator e) throws Exception {
        Map<String, String> env = Map.of("AZURE_FEDERATED_TOKEN_FILE", tokenFile(e).toString(),
                "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID, "AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:1");
        ManagedIdentityCredential c = ManagedIdentityCredential.builder().options(CredentialOptions.builder()
                .environment(Environment.of(env)).build()).build();
        assertThat(c.source()).isEqualTo("IMDS");
    }
}
