package dev.azid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@AzidEmulator
class DoctorCommandTest {

    private static final String JWT = "eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+";

    static Map<String, String> laptop() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/nonexistent");
        env.put("AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:" + closed);
        return env;
    }

    /** @return {@link #laptop()} with EnvironmentCredential's variables for the emulator's service principal */
    static Map<String, String> servicePrincipal(EntraEmulator emulator) throws Exception {
        Map<String, String> env = laptop();
        env.putAll(Map.of("AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID, "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                "AZURE_CLIENT_SECRET", EmulatorConfig.DEFAULT_CLIENT_SECRET, "AZURE_AUTHORITY_HOST",
                emulator.authorityHost().toString()));
        return env;
    }

    @Test
    void doctor_nothingConfigured_listsEveryCredentialWithFix_exit3() throws Exception {
        Cli cli = Cli.run(laptop(), "doctor");
        assertThat(cli.code).as(cli.err()).isEqualTo(3);
        assertThat(cli.out()).contains("EnvironmentCredential", "WorkloadIdentityCredential", "ManagedIdentityCredential",
                "AzureCliCredential", "AzurePowerShellCredential", "AzureDeveloperCliCredential", "unavailable",
                "-> Install the Azure CLI and run 'az login'", "DefaultAzureCredential would find no credential.");
    }

    @Test
    void doctor_environmentConfigured_jsonSaysWhichWouldBeUsed(EntraEmulator emulator) throws Exception {
        Map<String, String> env = servicePrincipal(emulator);
        Cli cli = Cli.run(env, "doctor", "--output", "json", "--ca-file", emulator.endpoints().caCertificate().toString());
        assertThat(cli.code).as(cli.err()).isZero();
        Map<String, Object> json = CliJson.parse(cli.out().getBytes(StandardCharsets.UTF_8));
        assertThat(json).containsEntry("defaultAzureCredentialWouldUse", "EnvironmentCredential")
                .containsEntry("tenant", EmulatorConfig.DEFAULT_TENANT_ID);
        assertThat((List<?>) json.get("attempts")).as("the chain, IntelliJ and VS Code included, as in azure-identity").hasSize(8);
        assertThat(cli.out()).doesNotContain(EmulatorConfig.DEFAULT_CLIENT_SECRET).doesNotContainPattern(JWT);
    }

    @Test
    void whoami_showsCredentialAndClaims(EntraEmulator emulator) throws Exception {
        Map<String, String> env = servicePrincipal(emulator);
        Cli cli = Cli.run(env, "whoami", "--ca-file", emulator.endpoints().caCertificate().toString());
        assertThat(cli.code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("credential   EnvironmentCredential", "tid          " + EmulatorConfig.DEFAULT_TENANT_ID,
                "appid        " + EmulatorConfig.DEFAULT_CLIENT_ID).doesNotContainPattern(JWT);
    }

    @Test
    void split_separatesReasonAndFix() {
        DoctorCommand.Attempt a = DoctorCommand.split("X", "unavailable", 3, "X: it is missing. Set Y.");
        assertThat(a.reason()).isEqualTo("it is missing.");
        assertThat(a.fix()).isEqualTo("Set Y.");
    }
}
