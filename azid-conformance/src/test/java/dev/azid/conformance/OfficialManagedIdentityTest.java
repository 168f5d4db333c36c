package dev.azid.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EntraEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's azure-identity ManagedIdentityCredential against the emulator's IMDS and App Service
 * endpoints, pointed at them through the documented environment variables of a child JVM.
 */
@AzidEmulator
class OfficialManagedIdentityTest {

    private static String run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(List.of(), env, args);
    }

    private static String run(List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), OfficialManagedIdentityMain.class.getName()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("AZURE_") || k.startsWith("IDENTITY_") || k.startsWith("MSI_")
                || k.equals("IMDS_ENDPOINT"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> l.startsWith("OK ") || l.startsWith("FAIL ")).findFirst().orElse(out);
    }

    @Test
    void official_imdsThroughPodIdentityHost_getsToken(EntraEmulator emulator) throws Exception {
        String result = run(Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", emulator.endpoints().imdsEndpoint().toString()),
                "managed-identity");
        assertThat(result).startsWith("OK ");
        assertThat(emulator.requestLog().matching("/metadata/identity/oauth2/token"))
                .anySatisfy(r -> assertThat(r.header("Metadata")).contains("true"));
    }

    @Test
    void official_workloadIdentity_exchangesFederatedToken(EntraEmulator emulator, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("token"),
                emulator.federatedToken(dev.azid.emulator.EmulatorConfig.DEFAULT_FEDERATED_SUBJECT));
        String result = run(List.of("-Djavax.net.ssl.trustStore=" + emulator.endpoints().trustStore(),
                "-Djavax.net.ssl.trustStorePassword=" + emulator.endpoints().trustStorePassword(), "-Djavax.net.ssl.trustStoreType=PKCS12"),
                Map.of("AZURE_FEDERATED_TOKEN_FILE", file.toString(),
                        "AZURE_CLIENT_ID", dev.azid.emulator.EmulatorConfig.DEFAULT_CLIENT_ID,
                        "AZURE_TENANT_ID", dev.azid.emulator.EmulatorConfig.DEFAULT_TENANT_ID,
                        "AZURE_AUTHORITY_HOST", emulator.authorityHost().toString()), "workload-identity");
        assertThat(result).startsWith("OK ");
    }

    @Test
    void official_appService_systemAndUserAssigned(EntraEmulator emulator) throws Exception {
        Map<String, String> env = Map.of("IDENTITY_ENDPOINT", emulator.endpoints().appServiceEndpoint().toString(),
                "IDENTITY_HEADER", emulator.endpoints().identityHeader());
        assertThat(run(env, "managed-identity")).startsWith("OK ");
        assertThat(run(env, "managed-identity", "0a5e0000-0000-4000-8000-0000000005e1")).startsWith("OK ");
        assertThat(emulator.requestLog().matching("/msi/token")).anySatisfy(r ->
                assertThat(r.query()).containsEntry("client_id", "0a5e0000-0000-4000-8000-0000000005e1"));
    }
}
