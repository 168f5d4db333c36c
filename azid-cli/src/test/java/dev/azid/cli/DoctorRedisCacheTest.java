package dev.azid.cli;

import static dev.azid.cli.DoctorSharedCacheTest.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.AccessToken;
import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EntraEmulator;
import dev.azid.redis.RedisServer;
import dev.azid.redis.RedisTokenStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code azid doctor --shared-cache-redis} against a real {@code redis-server} with a password, which no output shows. */
@AzidEmulator
class DoctorRedisCacheTest {

    private static final String PASSWORD = "r3dis-Pa55word~doctor";

    @TempDir
    Path dir;

    private String keyFile() throws Exception {
        Path file = dir.resolve("shared.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(DoctorSharedCacheTest.key()) + "\n");
        return file.toString();
    }

    @Test
    void doctor_sharedCacheRedis_showsTheApplicationsEntry_neverThePassword(EntraEmulator emulator) throws Exception {
        try (RedisServer redis = RedisServer.start(dir, "--requirepass", PASSWORD);
                RedisTokenStore application = redis.store().password(PASSWORD.toCharArray()).build()) {
            Map<String, String> env = DoctorCommandTest.servicePrincipal(emulator);
            AccessToken token = DoctorSharedCacheTest.applicationFetches(emulator, env, application);
            String ca = emulator.endpoints().caCertificate().toString();

            Cli table = Cli.run(env, "doctor", "--scope", SCOPE, "--ca-file", ca, "--shared-cache-redis",
                    "redis://:" + PASSWORD + "@127.0.0.1:" + redis.port() + "/0", "--shared-cache-key-file", keyFile());
            env.put("REDIS_PASSWORD", PASSWORD);
            Cli json = Cli.run(env, "doctor", "--output", "json", "--scope", SCOPE, "--ca-file", ca, "--shared-cache-redis",
                    "redis://127.0.0.1:" + redis.port(), "--shared-cache-redis-password-env", "REDIS_PASSWORD",
                    "--shared-cache-key-file", keyFile());

            String store = "RedisTokenStore[redis://127.0.0.1:" + redis.port() + "/0, prefix=azid:, password set]";
            assertThat(table.code).as(table.err()).isZero();
            assertThat(table.out()).contains("Shared cache: " + store + ", encrypted, reachable",
                    "shared cache: entry fresh, token expires " + token.expiresAt().truncatedTo(ChronoUnit.MILLIS),
                    "shared cache: not shared: a developer tool's");
            assertThat(json.code).as(json.err()).isZero();
            Map<String, Object> parsed = CliJson.parse(json.out().getBytes(StandardCharsets.UTF_8));
            assertThat(DoctorSharedCacheTest.castMap(parsed.get("sharedCacheStore"))).containsEntry("store", store)
                    .containsEntry("reachable", true);
            assertThat(DoctorSharedCacheTest.castMap(DoctorSharedCacheTest.castMap(((List<?>) parsed.get("attempts")).get(0))
                    .get("sharedCache"))).containsEntry("entry", "fresh");
            for (Cli cli : List.of(table, json)) {
                assertThat(cli.out() + cli.err()).doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void doctor_sharedCacheRedis_refusedOrDown_isUnreachable_neverShowsThePassword() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = DoctorCommandTest.laptop();
        Cli wrong;
        try (RedisServer redis = RedisServer.start(dir, "--requirepass", PASSWORD)) {
            wrong = Cli.run(env, "doctor", "--shared-cache-redis", "redis://doctor:Wr0ng-" + PASSWORD + "@127.0.0.1:"
                    + redis.port(), "--shared-cache-key-file", keyFile());
        }
        Cli down = Cli.run(env, "doctor", "--shared-cache-redis", "rediss://:" + PASSWORD + "@127.0.0.1:" + closed + "/3",
                "--shared-cache-key-file", keyFile());

        assertThat(wrong.code).as(wrong.err()).isEqualTo(AzidMain.UNAVAILABLE);
        assertThat(wrong.out()).containsPattern("Shared cache: RedisTokenStore\\[redis://doctor@127\\.0\\.0\\.1:\\d+/0, "
                + "prefix=azid:, password set], encrypted, unreachable \\(.+\\)");
        assertThat(down.out()).contains("Shared cache: RedisTokenStore[rediss://127.0.0.1:" + closed
                + "/3, prefix=azid:, password set], encrypted, unreachable (IOException: ",
                "shared cache: not shared: a system-assigned managed identity belongs to its host")
                .doesNotContain("is not; store failed").as("the store's failure is shown once, in the head");
        for (Cli cli : List.of(wrong, down)) {
            assertThat(cli.out() + cli.err()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void doctor_sharedCacheRedis_badUrl_isAUsageErrorWithoutThePassword() throws Exception {
        Map<String, String> env = DoctorCommandTest.laptop();
        for (String url : List.of("redis://:" + PASSWORD + " x@127.0.0.1:6379", "http://:" + PASSWORD + "@127.0.0.1:6379",
                "redis://:" + PASSWORD + "@127.0.0.1:6379/db")) {
            Cli cli = Cli.run(env, "doctor", "--shared-cache-redis", url, "--shared-cache-key-file", keyFile());
            assertThat(cli.code).as(cli.err()).isEqualTo(AzidMain.USAGE);
            assertThat(cli.err()).contains("azid: error: ").doesNotContain(PASSWORD);
            assertThat(cli.out()).doesNotContain(PASSWORD);
        }
    }
}
