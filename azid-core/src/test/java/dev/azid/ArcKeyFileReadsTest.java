package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.HostileFiles;
import dev.azid.test.ScriptedTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Azure Arc key files named by the {@code WWW-Authenticate: Basic realm=<path>} challenge that are
 * pipes, directories, links or oversize: refused as {@link AuthenticationFailedException}s in
 * bounded time, before the key is sent anywhere, and a second caller is never held behind the first.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ArcKeyFileReadsTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final Map<String, String> ARC = Map.of("IDENTITY_ENDPOINT",
            "http://localhost:40342/metadata/identity/oauth2/token", "IMDS_ENDPOINT", "http://localhost:40342");

    @TempDir
    Path tokens;

    @TempDir
    Path elsewhere;

    @BeforeEach
    void unixOnly() {
        HostileFiles.assumeUnix();
    }

    private static ScriptedTransport challenging(Path keyFile) {
        return new ScriptedTransport().always(r -> ScriptedTransport.json(401, "{}",
                Map.of("WWW-Authenticate", "Basic realm=" + keyFile)));
    }

    private ManagedIdentityCredential arc(ScriptedTransport t) {
        return ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(ARC)).httpTransport(t).executor(Runnable::run).build()).osName("Linux")
                .arcTokenDirectory(tokens).build();
    }

    private void assertRefused(Path key, String problem) {
        ScriptedTransport t = challenging(key);
        assertThatThrownBy(() -> arc(t).getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("Azure Arc authentication refused: the key file " + key + " " + problem);
        assertThat(t.requests()).hasSize(1).allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("Authorization"));
    }

    @Test
    void getToken_challengeNamingAPipe_isRefusedAsNotRegular_insteadOfBlocking() throws Exception {
        Path fifo = HostileFiles.fifo(tokens.resolve("agent.key"));
        assertRefused(fifo, "is not a regular file (it is a named pipe, device or socket); Arc key files must be regular files");
    }

    @Test
    void getToken_twoCallersAtOnceOnAPipe_bothFailInBoundedTime() throws Exception {
        Path fifo = HostileFiles.fifo(tokens.resolve("agent.key"));
        ManagedIdentityCredential c = arc(challenging(fifo));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Throwable>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        c.getToken(TokenRequestContext.of(ARM));
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return e;
                    }
                }, callers));
            }
            start.countDown();
            for (CompletableFuture<Throwable> r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS)).isInstanceOf(AuthenticationFailedException.class)
                        .hasMessageContaining(fifo + " is not a regular file");
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void getToken_directoryOrLinkToDevicePipeOrRegularFile_isRefused() throws Exception {
        assertRefused(Files.createDirectory(tokens.resolve("dir.key")), "is not a regular file (it is a directory)");
        for (Path target : List.of(HostileFiles.DEV_ZERO, HostileFiles.DEV_URANDOM,
                HostileFiles.fifo(elsewhere.resolve("pipe")), Files.writeString(elsewhere.resolve("regular.key"), "k"))) {
            Path link = HostileFiles.link(tokens.resolve("link-" + target.getFileName() + ".key"), target);
            assertRefused(link, "is not a regular file (it is a symbolic link)");
        }
    }

    @Test
    void getToken_sparseKeyFile_isRefusedNamingTheCap() throws Exception {
        Path huge = HostileFiles.sparse(tokens.resolve("huge.key"), 1L << 30);
        assertRefused(huge, "is larger than 4096 bytes, the limit for Arc key files");
    }

    @Test
    void getToken_keyExactlyAtTheCap_isSent_oneByteOver_isRefused() throws Exception {
        String key = "k".repeat(4096);
        Path at = Files.writeString(tokens.resolve("at.key"), key);
        ScriptedTransport t = new ScriptedTransport().thenJson(401, "{}", Map.of("WWW-Authenticate", "Basic realm=" + at))
                .thenJson(200, "{\"access_token\":\"arc-token\",\"expires_in\":\"3600\"}");
        assertThat(arc(t).getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("arc-token");
        assertThat(t.requests().get(1).headers()).containsEntry("Authorization", "Basic " + key);
        Path over = Files.writeString(tokens.resolve("over.key"), key + "k");
        assertRefused(over, "is larger than 4096 bytes");
    }
}
