package dev.azid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@AzidEmulator
class AzidMainTest {

    private static final String JWT = "eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+";

    private static Map<String, String> env(EntraEmulator emulator) {
        Map<String, String> env = new HashMap<>();
        env.put("AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID);
        env.put("AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID);
        env.put("AZURE_CLIENT_SECRET", EmulatorConfig.DEFAULT_CLIENT_SECRET);
        env.put("AZURE_AUTHORITY_HOST", emulator.authorityHost().toString());
        return env;
    }

    @Test
    void demo_everyStepWorks_exitsZeroWithoutSecrets() {
        Cli cli = Cli.run(Map.of(), "demo");
        assertThat(cli.code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("1. Started the emulator", "2. Credential: EnvironmentCredential (client secret)",
                "3. Got a Bearer token", "Claims: aud=", "4. Called GET", "2 subscriptions", "same token: yes",
                "Done: every step worked.");
        assertThat(cli.out() + cli.err()).doesNotContain(EmulatorConfig.DEFAULT_CLIENT_SECRET).doesNotContainPattern(JWT);
    }

    @Test
    void token_json_printsAzCliShape(EntraEmulator emulator) {
        Cli cli = Cli.run(env(emulator), "token", "--scope", "https://management.azure.com/.default", "--ca-file",
                emulator.endpoints().caCertificate().toString());
        assertThat(cli.code).as(cli.err()).isZero();
        Map<String, Object> json = CliJson.parse(cli.out().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(json.keySet()).containsExactly("accessToken", "expiresOn", "expires_on", "tokenType", "tenant");
        assertThat(json).containsEntry("tokenType", "Bearer").containsEntry("tenant", EmulatorConfig.DEFAULT_TENANT_ID);
        assertThat(((Number) json.get("expires_on")).longValue()).isGreaterThan(Instant.now().getEpochSecond());
        assertThat((String) json.get("expiresOn")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
    }

    @Test
    void token_tsvResourceAndTenant(EntraEmulator emulator) {
        Cli cli = Cli.run(env(emulator), "token", "--resource", "https://vault.azure.net", "--tenant",
                EmulatorConfig.DEFAULT_TENANT_ID, "--output", "tsv", "--ca-file", emulator.endpoints().caCertificate().toString());
        assertThat(cli.code).as(cli.err()).isZero();
        String[] fields = cli.out().trim().split("\t");
        assertThat(fields).hasSize(5);
        assertThat(fields[3]).isEqualTo("Bearer");
        assertThat(fields[4]).isEqualTo(EmulatorConfig.DEFAULT_TENANT_ID);
        assertThat(emulator.requestLog().last().form()).containsEntry("scope", "https://vault.azure.net/.default");
    }

    @Test
    void token_missingVariables_exit3NamingThem() {
        Cli cli = Cli.run(Map.of("AZURE_TENANT_ID", "t"), "token", "--scope", "https://management.azure.com/.default");
        assertThat(cli.code).isEqualTo(3);
        assertThat(cli.err()).startsWith("azid: credential unavailable: EnvironmentCredential:")
                .contains("AZURE_TENANT_ID is set").doesNotContain("at dev.azid");
    }

    @Test
    void token_wrongSecret_exit1WithAadstsButNotTheSecret(EntraEmulator emulator) {
        Map<String, String> env = env(emulator);
        env.put("AZURE_CLIENT_SECRET", "definitely-wrong-secret");
        Cli cli = Cli.run(env, "token", "--scope", "https://management.azure.com/.default", "--ca-file",
                emulator.endpoints().caCertificate().toString());
        assertThat(cli.code).isEqualTo(1);
        assertThat(cli.err()).contains("authentication failed", "AADSTS7000215").doesNotContain("definitely-wrong-secret");
    }

    @Test
    void token_debug_addsStackTrace(EntraEmulator emulator) {
        Map<String, String> env = env(emulator);
        env.put("AZURE_CLIENT_SECRET", "wrong");
        Cli cli = Cli.run(env, "--debug", "token", "--scope", "https://management.azure.com/.default", "--ca-file",
                emulator.endpoints().caCertificate().toString());
        assertThat(cli.code).isEqualTo(1);
        assertThat(cli.err()).contains("at dev.azid.");
    }

    @Test
    void token_managedIdentity_againstEmulatorImds(EntraEmulator emulator) {
        Cli cli = Cli.run(Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", emulator.endpoints().imdsEndpoint().toString()), "token",
                "--credential", "managed-identity", "--client-id", "0a5e0000-0000-4000-8000-0000000005e1", "--scope",
                "https://management.azure.com/.default");
        assertThat(cli.code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("\"accessToken\"");
        assertThat(emulator.requestLog().last().query()).containsEntry("client_id", "0a5e0000-0000-4000-8000-0000000005e1");
        assertThat(Cli.run(Map.of(), "token", "--credential", "magic", "--scope", "x/.default").code).isEqualTo(2);
    }

    @Test
    void usageErrors_exit2() {
        assertThat(Cli.run(Map.of(), "token", "--bogus").code).isEqualTo(2);
        assertThat(Cli.run(Map.of(), "token").code).isEqualTo(2);
        assertThat(Cli.run(Map.of(), "token", "--scope", "x/.default", "--output", "xml").code).isEqualTo(2);
        assertThat(Cli.run(Map.of(), "nope").code).isEqualTo(2);
    }

    @Test
    void version_andHelp_exitZero() {
        Cli v = Cli.run(Map.of(), "--version");
        assertThat(v.code).isZero();
        assertThat(v.out()).startsWith("azid ");
        assertThat(Cli.run(Map.of(), "token", "--help").out()).contains("--scope", "--resource", "--tenant", "--output");
    }
}
