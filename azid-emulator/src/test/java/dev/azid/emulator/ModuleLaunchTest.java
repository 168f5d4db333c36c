package dev.azid.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.internal.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The emulator as a named module: its descriptor, and a standalone start on the module path (without JUnit). */
class ModuleLaunchTest {

    @Test
    void descriptor_exportsOnlyThePublicPackage() throws Exception {
        Path classes = Path.of(EntraEmulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor d;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(classes.resolve("module-info.class"))) {
            d = ModuleDescriptor.read(in);
        }
        assertThat(d.name()).isEqualTo("dev.azid.emulator");
        assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.azid.emulator");
        assertThat(d.opens()).isEmpty();
    }

    @Test
    void main_onTheModulePath_printsTheStartLine() throws Exception {
        String modulePath = System.getProperty("azid.emulator.modulePath");
        assertThat(modulePath).as("set by the build (pom.xml)").isNotBlank();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "-m", "dev.azid.emulator/dev.azid.emulator.EmulatorMain", "--proxy")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    return r.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Map<String, Object> start = Json.parseObject(line.get(60, TimeUnit.SECONDS));
            assertThat(start.keySet()).containsExactlyElementsOf(java.util.Arrays.stream(
                    EmulatorEndpoints.class.getRecordComponents()).map(c -> c.getName()).toList());
            assertThat((String) start.get("authorityHost")).startsWith("https://127.0.0.1:");
            assertThat((String) start.get("proxyUrl")).startsWith("http://127.0.0.1:");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
