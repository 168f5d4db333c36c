package dev.azid.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone start line and command line: the configured tenant and client, and {@code --arc-key-dir}. */
class StartLineTest {

    private static final String CONFIG = """
            {"tenants":[{"tenantId":"11111111-2222-4333-8444-555555555555","domains":["contoso.example"],
              "applications":[{"clientId":"public-app-0000"},
                              {"clientId":"99999999-8888-4777-8666-555555555555","secrets":["s3cret-value"]}]}]}
            """;

    private static Map<String, Object> startLine(EntraEmulator emulator) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmulatorMain.printStartLine(emulator, new PrintStream(out, true, StandardCharsets.UTF_8));
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void startLine_configFile_namesItsTenantAndConfidentialClient(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), CONFIG);
        try (EntraEmulator emulator = EmulatorMain.parse(new String[] {"--config", config.toString()}).start()) {
            assertThat(startLine(emulator)).containsEntry("tenantId", "11111111-2222-4333-8444-555555555555")
                    .containsEntry("clientId", "99999999-8888-4777-8666-555555555555");
            assertThat(emulator.endpoints().toJson()).doesNotContain("s3cret-value");
        }
    }

    @Test
    void startLine_defaults_nameTheDefaultTenantAndClient() {
        try (EntraEmulator emulator = EntraEmulator.builder().start()) {
            assertThat(startLine(emulator)).containsEntry("tenantId", EmulatorConfig.DEFAULT_TENANT_ID)
                    .containsEntry("clientId", EmulatorConfig.DEFAULT_CLIENT_ID);
        }
    }

    @Test
    void arcKeyDir_commandLine_isWhereTheArcChallengeKeysGo(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("arc-keys");
        try (EntraEmulator emulator = EmulatorMain.parse(new String[] {"--arc-key-dir", keys.toString()}).start()) {
            assertThat(startLine(emulator)).containsEntry("arcKeyDirectory", keys.toAbsolutePath().toString());
            HttpResponse<String> challenge = new EmulatorClient(emulator).get(emulator.endpoints().arcIdentityEndpoint()
                    + "?api-version=2020-06-01&resource=https%3A%2F%2Fmanagement.azure.com%2F", "Metadata", "true");
            assertThat(challenge.statusCode()).isEqualTo(401);
            String realm = challenge.headers().firstValue("WWW-Authenticate").orElseThrow().substring("Basic realm=".length());
            assertThat(Path.of(realm).getParent()).isEqualTo(keys);
            assertThat(Files.isRegularFile(Path.of(realm))).isTrue();
        }
    }
}
