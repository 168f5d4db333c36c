package dev.azid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.AccessToken;
import dev.azid.CredentialOptions;
import dev.azid.Environment;
import dev.azid.EnvironmentCredential;
import dev.azid.FileSharedTokenStore;
import dev.azid.SharedTokenCache;
import dev.azid.SharedTokenStore;
import dev.azid.TokenRequestContext;
import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import dev.azid.test.HolderReportingStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code azid doctor --shared-cache-dir}: the chain shares through the application's store, and each credential's entry and lease are shown. */
@AzidEmulator
class DoctorSharedCacheTest {

    static final String SCOPE = "https://management.azure.com/.default";
    static final String TOKEN_PATH = ".*/oauth2/v2.0/token";
    private static final String JWT = "eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+";

    @TempDir
    Path dir;

    static byte[] key() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 3);
        }
        return key;
    }

    /** What the application's process does: its EnvironmentCredential fetches through the shared cache. */
    static AccessToken applicationFetches(EntraEmulator emulator, Map<String, String> env, SharedTokenStore store) {
        SharedTokenCache cache = SharedTokenCache.builder().store(store).encryptionKey(key()).build();
        return EnvironmentCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env))
                .httpTransport(HttpTransport.builder().sslContext(emulator.sslContext()).build()).sharedCache(cache).build())
                .build().getToken(TokenRequestContext.of(SCOPE));
    }

    private Path keyFile() throws Exception {
        Path file = dir.resolve("shared.key");
        Files.write(file, key());
        return file;
    }

    @Test
    void doctor_sharedCacheDir_afterTheApplicationFetched_showsItsEntryAndSharesIt(EntraEmulator emulator) throws Exception {
        Map<String, String> env = DoctorCommandTest.servicePrincipal(emulator);
        Path tokens = dir.resolve("tokens");
        AccessToken token = applicationFetches(emulator, env, FileSharedTokenStore.builder().directory(tokens).build());
        int requests = emulator.requestLog().count(TOKEN_PATH);

        Cli cli = Cli.run(env, "doctor", "--scope", SCOPE, "--ca-file", emulator.endpoints().caCertificate().toString(),
                "--shared-cache-dir", tokens.toString(), "--shared-cache-key-file", keyFile().toString());

        assertThat(cli.code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Shared cache: FileSharedTokenStore[" + tokens.toAbsolutePath() + "], encrypted, reachable",
                "shared cache: entry fresh, token expires " + token.expiresAt().truncatedTo(ChronoUnit.MILLIS) + "; no lease held",
                "shared cache: not shared: a developer tool's tokens are never shared",
                "shared cache: not shared: the credential has no token source here",
                "shared cache: no entry for this credential and scope",
                "DefaultAzureCredential would use EnvironmentCredential.").doesNotContainPattern(JWT)
                .doesNotContain(EmulatorConfig.DEFAULT_CLIENT_SECRET);
        assertThat(emulator.requestLog().count(TOKEN_PATH)).as("doctor's EnvironmentCredential took the shared token")
                .isEqualTo(requests);
    }

    @Test
    void doctor_sharedCacheJson_leaseHeld_namesTheHolder(EntraEmulator emulator) throws Exception {
        Map<String, String> env = DoctorCommandTest.servicePrincipal(emulator);
        env.put("APP_TOKEN_KEY", Base64.getEncoder().encodeToString(key()));
        Path tokens = dir.resolve("tokens");
        HolderReportingStore store = new HolderReportingStore(FileSharedTokenStore.builder().directory(tokens).build(),
                "pid 4242 on web-7", Clock.systemUTC());
        applicationFetches(emulator, env, store);
        SharedTokenStore.Lease lease = store.tryLease(store.putKeys().get(0), Duration.ofMinutes(1)).orElseThrow();
        UnaryOperator<SharedTokenStore> sameStore = named -> {
            assertThat(named.toString()).isEqualTo(store.toString());
            return store;
        };

        Cli cli = Cli.doctor(env, sameStore, "--output", "json", "--scope", SCOPE, "--ca-file",
                emulator.endpoints().caCertificate().toString(), "--shared-cache-dir", tokens.toString(),
                "--shared-cache-key-env", "APP_TOKEN_KEY");
        lease.release();

        assertThat(cli.code).as(cli.err()).isZero();
        Map<String, Object> json = CliJson.parse(cli.out().getBytes(StandardCharsets.UTF_8));
        assertThat(castMap(json.get("sharedCacheStore"))).containsEntry("store", store.toString())
                .containsEntry("encrypted", true).containsEntry("reachable", true).containsEntry("failure", null);
        Map<String, Object> environment = castMap(castMap(((List<?>) json.get("attempts")).get(0)).get("sharedCache"));
        assertThat(environment.get("shared")).isEqualTo(true);
        assertThat(environment.get("entry")).isEqualTo("fresh");
        assertThat(castMap(environment.get("leaseHolder"))).containsEntry("description", "pid 4242 on web-7")
                .containsKey("expiresAt");
        assertThat((String) environment.get("summary")).contains("; lease held by pid 4242 on web-7 until ");
        assertThat(cli.out()).doesNotContain(env.get("APP_TOKEN_KEY")).doesNotContainPattern(JWT);
    }

    @Test
    void doctor_sharedCacheOptions_incompleteOrConflicting_areUsageErrorsThatShowNoKey() throws Exception {
        Path tokens = dir.resolve("tokens");
        Map<String, String> env = DoctorCommandTest.laptop();
        env.put("SHORT_KEY", "c2hvcnQta2V5LXRleHQ=");
        Files.writeString(dir.resolve("bad.key"), "not-a-key-but-secret-text\n");

        assertThat(usage(env, "--shared-cache-dir", tokens.toString()))
                .contains("name the shared cache's encryption key once, as the application has it");
        assertThat(usage(env, "--shared-cache-dir", tokens.toString(), "--shared-cache-redis", "redis://127.0.0.1:1",
                "--shared-cache-unencrypted")).contains("give --shared-cache-dir or --shared-cache-redis, not both");
        assertThat(usage(env, "--shared-cache-unencrypted")).contains("need the store");
        assertThat(usage(env, "--shared-cache-dir", tokens.toString(), "--shared-cache-key-env", "SHORT_KEY"))
                .contains("--shared-cache-key-env SHORT_KEY does not hold a 32-byte key").doesNotContain("c2hvcnQ");
        assertThat(usage(env, "--shared-cache-dir", tokens.toString(), "--shared-cache-key-env", "MISSING"))
                .contains("--shared-cache-key-env MISSING: the variable is not set");
        assertThat(usage(env, "--shared-cache-dir", tokens.toString(), "--shared-cache-key-file",
                dir.resolve("bad.key").toString())).contains("does not hold a 32-byte key").doesNotContain("secret-text");
        assertThat(usage(env, "--shared-cache-dir", tokens.toString(), "--shared-cache-key-file", dir.toString()))
                .contains("is not a regular file");
        assertThat(Files.exists(tokens)).as("no store was touched").isFalse();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static String usage(Map<String, String> env, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "doctor";
        System.arraycopy(options, 0, args, 1, options.length);
        Cli cli = Cli.run(env, args);
        assertThat(cli.code).as(cli.out() + cli.err()).isEqualTo(AzidMain.USAGE);
        return cli.err();
    }
}
