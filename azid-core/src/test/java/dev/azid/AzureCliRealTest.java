package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.internal.process.ProcessResult;
import dev.azid.internal.process.ProcessRunner;
import dev.azid.test.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Azure CLI from Debian's azure-cli package, signed in as a service principal against the
 * emulator (registered as an AD FS cloud, which the CLI uses without instance discovery), and
 * AzureCliCredential getting tokens from it. scripts/test-all.sh installs azure-cli.
 */
@AzidEmulator
class AzureCliRealTest {

    private static final Path AZ = Path.of("/usr/bin/az");

    @TempDir
    static Path configDir;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    /** Runs az with its own configuration directory and the emulator's CA trusted. */
    private static ProcessRunner withAzEnvironment(EntraEmulator emulator) {
        ProcessRunner system = ProcessRunner.system();
        Map<String, String> extra = Map.of("AZURE_CONFIG_DIR", configDir.toString(),
                "REQUESTS_CA_BUNDLE", emulator.endpoints().caCertificate().toString(), "AZURE_CORE_COLLECT_TELEMETRY", "false");
        return (argv, env, dir, timeout) -> {
            Map<String, String> all = new HashMap<>(env);
            all.putAll(extra);
            return system.run(argv, all, dir, timeout);
        };
    }

    private static void az(EntraEmulator emulator, String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of(AZ.toString()));
        argv.addAll(List.of(args));
        ProcessResult r = withAzEnvironment(emulator).run(argv, Map.of(), Path.of("/"), Duration.ofSeconds(120));
        assertThat(r.exitCode()).as("az %s: %s", String.join(" ", args), r.stderr()).isZero();
    }

    @BeforeAll
    static void signIn(EntraEmulator emulator) throws Exception {
        assertThat(Files.isExecutable(AZ)).as("Debian's azure-cli is installed by scripts/test-all.sh").isTrue();
        String a = emulator.authorityHost().toString();
        az(emulator, "cloud", "register", "-n", "AzidEmulator", "--endpoint-active-directory", a + "/adfs",
                "--endpoint-resource-manager", a + "/", "--endpoint-active-directory-resource-id",
                "https://management.core.windows.net/", "--endpoint-active-directory-graph-resource-id",
                "https://graph.windows.net/", "--endpoint-management", "https://management.core.windows.net/",
                "--suffix-storage-endpoint", "core.windows.net", "--suffix-keyvault-dns", ".vault.azure.net");
        az(emulator, "cloud", "set", "-n", "AzidEmulator");
        az(emulator, "login", "--service-principal", "-u", EmulatorConfig.DEFAULT_CLIENT_ID, "-p",
                EmulatorConfig.DEFAULT_CLIENT_SECRET, "--tenant", "adfs");
    }

    private AzureCliCredential credential(EntraEmulator emulator) {
        return AzureCliCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of("PATH", "/usr/bin:/bin"))).build())
                .processRunner(withAzEnvironment(emulator)).processTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void realAzureCli_signedIn_givesTokens(EntraEmulator emulator) {
        AccessToken token = credential(emulator).getToken(TokenRequestContext.of("https://management.core.windows.net//.default"));
        assertThat(token.token()).startsWith("eyJ");
        assertThat(token.expiresAt()).isAfter(java.time.Instant.now().plusSeconds(600));
        logs.assertNoSecrets(token.token(), EmulatorConfig.DEFAULT_CLIENT_SECRET);
    }

    @Test
    void realAzureCli_tenantAttachedWithEquals_isReadAsTheTenant(EntraEmulator emulator) {
        // The credential passes --scope=S --tenant=T; the real CLI must read both as values.
        AccessToken token = credential(emulator).getToken(TokenRequestContext.of("https://management.core.windows.net//.default")
                .withTenantId("adfs"));
        assertThat(token.token()).startsWith("eyJ");
    }

    @Test
    void realAzureCli_unknownResource_failsWithItsError(EntraEmulator emulator) {
        assertThatThrownBy(() -> credential(emulator).getToken(TokenRequestContext.of("https://unknown.example/.default")))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("AADSTS500011");
    }
}
