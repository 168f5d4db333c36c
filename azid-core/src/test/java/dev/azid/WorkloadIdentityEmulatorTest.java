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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Workload identity against the emulator, which trusts federated tokens whose issuer, subject and audience match. */
@AzidEmulator
class WorkloadIdentityEmulatorTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private WorkloadIdentityCredential credential(EntraEmulator e, Path file) {
        return WorkloadIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_FEDERATED_TOKEN_FILE", file.toString(), "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                "AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID, "AZURE_AUTHORITY_HOST", e.authorityHost().toString()))).httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build()).build()).build();
    }

    @Test
    void matchingFederatedToken_isExchanged(EntraEmulator e) throws Exception {
        String federated = e.federatedToken(EmulatorConfig.DEFAULT_FEDERATED_SUBJECT);
        Path file = Files.writeString(dir.resolve("token"), federated);
        assertThat(credential(e, file).getToken(TokenRequestContext.of("https://management.azure.com/.default")).token())
                .isNotBlank();
        logs.assertNoSecrets(federated);
    }

    @Test
    void wrongSubject_isRefusedWithEntraError(EntraEmulator e) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), e.federatedToken("system:serviceaccount:other:intruder"));
        assertThatThrownBy(() -> credential(e, file).getToken(TokenRequestContext.of("https://management.azure.com/.default")))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("AADSTS700213")
                .hasMessageContaining("system:serviceaccount:other:intruder");
    }
}
