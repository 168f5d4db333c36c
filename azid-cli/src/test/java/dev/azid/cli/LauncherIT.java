package dev.azid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher script and the shaded jar, as a user runs them (after `package`). */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("..", "bin", "azid").toAbsolutePath().normalize();

    private static Result run(List<String> args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(false);
        Map<String, String> env = pb.environment();
        String path = env.get("PATH");
        String javaHome = env.get("JAVA_HOME");
        env.clear();
        env.put("PATH", path == null ? "/usr/bin:/bin" : path);
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + args);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    record Result(int code, String out, String err) {
    }

    @Test
    void launcher_demo_exitsZero() throws Exception {
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
        Result r = run(List.of(LAUNCHER.toString(), "demo"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Done: every step worked.");
        assertThat(r.err()).doesNotContain("SLF4J:");
    }

    @Test
    void launcher_tokenWithoutEnvironment_exits3() throws Exception {
        Result r = run(List.of(LAUNCHER.toString(), "token", "--scope", "https://management.azure.com/.default"));
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("EnvironmentCredential");
    }

    @Test
    void emulatorJar_printsOneJsonLine() throws Exception {
        Path jar = Path.of("..", "azid-emulator", "target", "azid-emulator.jar").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--port", "0")).start();
        try {
            java.util.concurrent.CompletableFuture<String> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                            StandardCharsets.UTF_8)).readLine();
                } catch (IOException e) {
                    return null;
                }
            });
            String line = first.get(60, TimeUnit.SECONDS);
            assertThat(line).startsWith("{\"authorityHost\":\"https://127.0.0.1:").contains("\"caCertificate\"");
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
