package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import dev.azid.internal.persistence.PersistentSessions;
import dev.azid.test.LogCapture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in persistent cache: file protection, encryption, corruption, and silent sign-in in another process. */
@AzidEmulator
class PersistentCacheTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private final byte[] key = new byte[32];

    PersistentCacheTest() {
        new SecureRandom().nextBytes(key);
    }

    private TokenCachePersistenceOptions options() {
        return TokenCachePersistenceOptions.builder().directory(dir.resolve("cache")).encryptionKey(key).build();
    }

    private InteractiveBrowserCredential signedIn(EntraEmulator e, AtomicInteger opened) {
        return InteractiveBrowserCredential.builder().clientId(EmulatorConfig.DEFAULT_CLIENT_ID)
                .tenantId(EmulatorConfig.DEFAULT_TENANT_ID).options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build()).build()).tokenCachePersistenceOptions(options())
                .browser(InteractiveBrowserEmulatorTest.person(e, EmulatorConfig.DEFAULT_USERNAME,
                        EmulatorConfig.DEFAULT_PASSWORD, false, opened)).timeout(Duration.ofSeconds(20)).build();
    }

    private static String child(EntraEmulator e, Path cache, byte[] key, Path record) throws Exception {
        return child(e, cache, key, record, "https://management.azure.com/user_impersonation");
    }

    private static String child(EntraEmulator e, Path cache, byte[] key, Path record, String scope) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PersistentCacheChild.class.getName(), e.authorityHost().toString(),
                e.endpoints().trustStore().toString(), e.endpoints().trustStorePassword(), cache.toString(), Base64.getEncoder().encodeToString(key),
                record.toString(), EmulatorConfig.DEFAULT_CLIENT_ID, EmulatorConfig.DEFAULT_TENANT_ID, scope));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> l.startsWith("OK ") || l.startsWith("FAIL ")).findFirst().orElse(out);
    }

    @Test
    void authenticate_thenAnotherProcessSignsInSilently(EntraEmulator e) throws Exception {
        AtomicInteger opened = new AtomicInteger();
        AuthenticationRecord record = signedIn(e, opened).authenticate(TokenRequestContext.of("https://graph.microsoft.com/User.Read"));
        assertThat(record.username()).isEqualTo(EmulatorConfig.DEFAULT_USERNAME);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        record.serialize(bytes);
        assertThat(AuthenticationRecord.deserialize(new ByteArrayInputStream(bytes.toByteArray()))).isEqualTo(record);
        Path recordFile = Files.write(dir.resolve("record.json"), bytes.toByteArray());
        assertThat(child(e, dir.resolve("cache"), key, recordFile)).isEqualTo("OK " + EmulatorConfig.DEFAULT_USERNAME);
        assertThat(opened).hasValue(1);
    }

    @Test
    void accessTokenSavedByOneProcess_isUsedByAnotherWithoutATokenRequest(EntraEmulator e) throws Exception {
        String graph = "https://graph.microsoft.com/User.Read";
        AuthenticationRecord record = signedIn(e, new AtomicInteger()).authenticate(TokenRequestContext.of(graph));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        record.serialize(bytes);
        Path recordFile = Files.write(dir.resolve("record.json"), bytes.toByteArray());
        e.requestLog().clear();

        assertThat(child(e, dir.resolve("cache"), key, recordFile, graph)).isEqualTo("OK " + EmulatorConfig.DEFAULT_USERNAME);
        assertThat(e.requestLog().count("/oauth2/v2.0/token")).isZero();
        assertThat(new PersistentSessions(options()).find(EmulatorConfig.DEFAULT_CLIENT_ID, record.homeAccountId())
                .orElseThrow().accessTokens()).hasSize(1).containsKey(PersistentSessions.tokenKey(
                        EmulatorConfig.DEFAULT_TENANT_ID, java.util.List.of(graph)));
    }

    @Test
    void cacheFile_isPrivateAndEncrypted(EntraEmulator e) throws Exception {
        InteractiveBrowserCredential c = signedIn(e, new AtomicInteger());
        c.authenticate(TokenRequestContext.of("https://graph.microsoft.com/User.Read"));
        Path file = dir.resolve("cache").resolve("azid.cache");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(content).startsWith("AZIDENC1").doesNotContain("rt.").doesNotContain(EmulatorConfig.DEFAULT_USERNAME);
    }

    @Test
    void twoProcessesAtOnce_leaveAReadableFile(EntraEmulator e) throws Exception {
        AuthenticationRecord record = signedIn(e, new AtomicInteger()).authenticate(TokenRequestContext.of(
                "https://graph.microsoft.com/User.Read"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        record.serialize(bytes);
        Path recordFile = Files.write(dir.resolve("record.json"), bytes.toByteArray());
        var a = java.util.concurrent.CompletableFuture.supplyAsync(() -> run(e, recordFile));
        var b = java.util.concurrent.CompletableFuture.supplyAsync(() -> run(e, recordFile));
        List<String> results = List.of(a.get(120, TimeUnit.SECONDS), b.get(120, TimeUnit.SECONDS));
        // The emulator rotates refresh tokens, so the slower process may find its token already used.
        assertThat(results).anyMatch(r -> r.startsWith("OK "));
        assertThat(new PersistentSessions(options()).find(EmulatorConfig.DEFAULT_CLIENT_ID, record.homeAccountId())).isPresent();
    }

    private String run(EntraEmulator e, Path recordFile) {
        try {
            return child(e, dir.resolve("cache"), key, recordFile);
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void twoStoresOnOneFile_inOneProcess_takeTurns() throws Exception {
        PersistentSessions a = new PersistentSessions(options());
        PersistentSessions b = new PersistentSessions(options());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var fa = pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    a.save(new PersistentSessions.Entry("c", "a", "https://a", "t", "u", "rt-a-" + i), java.time.Instant.EPOCH);
                }
            });
            var fb = pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    b.save(new PersistentSessions.Entry("c", "b", "https://a", "t", "u", "rt-b-" + i), java.time.Instant.EPOCH);
                }
            });
            fa.get(60, TimeUnit.SECONDS);
            fb.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(a.find("c", "a").orElseThrow().refreshToken()).isEqualTo("rt-a-39");
        assertThat(a.find("c", "b").orElseThrow().refreshToken()).isEqualTo("rt-b-39");
    }

    @Test
    void corruptOrForeignFile_isIgnoredWithWarning() throws IOException {
        TokenCachePersistenceOptions o = options();
        PersistentSessions sessions = new PersistentSessions(o);
        sessions.save(new PersistentSessions.Entry("c", "h", "https://a", "t", "u", "secret-rt-value"), java.time.Instant.EPOCH);
        assertThat(sessions.find("c", "h")).isPresent();
        Path file = dir.resolve("cache").resolve("azid.cache");
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 20));
        assertThat(sessions.find("c", "h")).isEmpty();
        assertThat(logs.all()).contains("WARN").contains("corrupt");
        sessions.save(new PersistentSessions.Entry("c", "h", "https://a", "t", "u", "secret-rt-value"), java.time.Instant.EPOCH);
        byte[] otherKey = new byte[32];
        assertThat(new PersistentSessions(TokenCachePersistenceOptions.builder().directory(dir.resolve("cache"))
                .encryptionKey(otherKey).build()).find("c", "h")).isEmpty();
        logs.assertNoSecrets("secret-rt-value");
    }

    @Test
    void clearText_isRefusedUnlessAllowed() {
        assertThatThrownBy(() -> TokenCachePersistenceOptions.builder().directory(dir).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refusing to store tokens in clear text");
        assertThatThrownBy(() -> TokenCachePersistenceOptions.builder().encryptionKey(new byte[16]).build())
                .hasMessageContaining("32 bytes");
        TokenCachePersistenceOptions plain = TokenCachePersistenceOptions.builder().directory(dir)
                .allowUnencryptedStorage(true).build();
        new PersistentSessions(plain).save(new PersistentSessions.Entry("c", "h", "https://a", null, null, "rt"), java.time.Instant.EPOCH);
        assertThat(new PersistentSessions(plain).find("c", "h")).isPresent();
    }
}
