package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a real {@code az} process that runs and fails (as an az with a broken install does)
 * makes the Azure CLI member unavailable, and the chain moves on to a credential that signs in
 * against the emulator.
 */
@AzidEmulator
class DefaultAzureCredentialDevToolsEmulatorTest {

    private static final String GRAPH = "https://graph.microsoft.com/User.Read";

    @TempDir
    Path bin;

    @Test
    void getToken_failingAz_chainMovesOnToTheNextCredential(EntraEmulator e) throws Exception {
        Path ran = bin.resolve("az-ran");
        Path az = bin.resolve("az");
        Files.writeString(az, "#!/bin/sh\necho ran > '" + ran + "'\necho 'ERROR: The command failed with an unexpected "
                + "error.' >&2\nexit 1\n");
        Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("AZURE_TOKEN_CREDENTIALS", "dev", "PATH", bin.toString(),
                "AZURE_AUTHORITY_HOST", e.authorityHost().toString(), "AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID);
        AtomicInteger opened = new AtomicInteger();
        DefaultAzureCredential dac = DefaultAzureCredential.builder().options(CredentialOptions.builder()
                .environment(Environment.of(env)).httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build())
                .build()).includeInteractiveBrowserCredential()
                .browser(InteractiveBrowserEmulatorTest.person(e, EmulatorConfig.DEFAULT_USERNAME,
                        EmulatorConfig.DEFAULT_PASSWORD, false, opened)).build();

        assertThat(dac.getToken(TokenRequestContext.of(GRAPH)).token()).isNotBlank();

        assertThat(ran).as("az really ran and failed").exists();
        assertThat(dac.selectedCredential()).containsInstanceOf(InteractiveBrowserCredential.class);
        assertThat(opened).hasValue(1);
    }
}
