package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.azid.internal.process.ProcessResult;
import dev.azid.internal.process.ProcessRunner;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Foreign input at the size caps (4 MiB HTTP bodies, 1 MiB tool output) in the shapes that make
 * naive parsers and redactors slow or hungry: deep nesting, endless escapes, near-JWTs, endless
 * key=value pairs. Each call must fail cleanly within seconds and allocate a bounded multiple of
 * the input.
 */
class LargeForeignInputTest {

    private static final int HTTP_CAP = 4 * 1024 * 1024;
    private static final int TOOL_CAP = 1024 * 1024;
    private static final long ALLOCATION_FACTOR = 64;

    @TempDir
    Path bin;

    static Stream<String> shapes() {
        return Stream.of("nested", "backslashes", "nearJwt", "pairs", "bearer", "quotes", "escapedJson");
    }

    static String body(String shape, int size) {
        return switch (shape) {
            case "nested" -> "[".repeat(size);
            case "backslashes" -> "{\"error\":\"x\",\"error_description\":\"" + "\\\\".repeat(size / 2 - 40) + "\"}";
            case "nearJwt" -> "{\"error\":\"x\",\"error_description\":\"" + "eyJaaaa.".repeat(size / 8 - 8) + "\"}";
            case "pairs" -> "{\"error\":\"x\",\"error_description\":\"" + "client_secret=a&".repeat(size / 16 - 4) + "\"}";
            case "bearer" -> "{\"error\":\"x\",\"error_description\":\"" + "Bearer ".repeat(size / 7 - 8) + "\"}";
            case "quotes" -> "{\"error\":\"x\",\"error_description\":\"" + "\\\"token\\\":".repeat(size / 12 - 4) + "\"}";
            default -> "{\"error\":\"x\",\"message\":\"" + "{\\\"a\\\":".repeat(size / 8 - 4) + "\"}";
        };
    }

    private static <T> T bounded(int inputBytes, Supplier<T> call) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = mx.getCurrentThreadAllocatedBytes();
            T result = call.get();
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            assertThat(allocated).as("bytes allocated for %d bytes of input", inputBytes)
                    .isLessThan(ALLOCATION_FACTOR * inputBytes);
            return result;
        });
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void tokenEndpoint_hugeHostileBody_failsCleanlyInBoundedTimeAndMemory(String shape) {
        String body = body(shape, HTTP_CAP);
        MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
        ClientSecretCredential credential = ClientSecretCredential.builder().tenantId("contoso.com")
                .clientId("00000000-0000-0000-0000-0000000000c1").clientSecret("a-configured-secret-value")
                .options(CredentialOptions.builder().httpTransport(new ScriptedTransport().always(r -> ScriptedTransport.json(400, body, Map.of()))).executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build()).build();
        Throwable error = bounded(body.length(), () -> catching(() ->
                credential.getToken(TokenRequestContext.of("https://management.azure.com/.default"))));
        assertThat(error).isInstanceOf(AuthenticationFailedException.class);
        assertThat(error.getMessage().length()).isLessThan(4000);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void managedIdentity_hugeHostileBody_failsCleanlyInBoundedTimeAndMemory(String shape) {
        String body = body(shape, HTTP_CAP);
        MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
        ManagedIdentityCredential credential = ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(new ScriptedTransport().always(r -> ScriptedTransport.json(500, body, Map.of()))).executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build()).osName("Linux").build();
        Throwable error = bounded(body.length() * 6, () -> catching(() ->
                credential.getToken(TokenRequestContext.of("https://management.azure.com/.default"))));
        assertThat(error).isInstanceOfAny(AuthenticationFailedException.class, CredentialUnavailableException.class);
        assertThat(error.getMessage().length()).isLessThan(4000);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void azureCli_hugeHostileOutput_failsCleanlyInBoundedTimeAndMemory(String shape) throws Exception {
        String out = body(shape, TOOL_CAP);
        Path az = bin.resolve("az");
        Files.writeString(az, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwx------"));
        ProcessRunner runner = (argv, env, dir, timeout) -> new ProcessResult(1, out, out, false);
        AzureCliCredential credential = AzureCliCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of("PATH", bin.toString()))).clock(MutableClock.at("2026-11-24T10:00:00Z")).executor(Runnable::run).build()).localZone(ZoneOffset.UTC)
                .processRunner(runner).osName("Linux").build();
        Throwable error = bounded(out.length() * 2, () -> catching(() ->
                credential.getToken(TokenRequestContext.of("https://management.azure.com/.default"))));
        assertThat(error).isInstanceOfAny(AuthenticationFailedException.class, CredentialUnavailableException.class);
        assertThat(error.getMessage().length()).isLessThan(4000);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void cloudDiscovery_hugeHostileBody_failsCleanly(String shape) {
        String body = body(shape, HTTP_CAP);
        CloudDiscovery discovery = CloudDiscovery.builder()
                .httpTransport(new ScriptedTransport().always(r -> ScriptedTransport.json(200, body, Map.of()))).build();
        assertThatThrownBy(() -> bounded(body.length(), () ->
                discovery.discover(java.net.URI.create("https://management.local.azurestack.external/"))))
                .isInstanceOf(CloudDiscoveryException.class);
    }

    private static Throwable catching(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
