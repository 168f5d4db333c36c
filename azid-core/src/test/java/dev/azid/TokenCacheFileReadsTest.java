package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.internal.persistence.FileTokenStore;
import dev.azid.internal.persistence.PersistentSessions;
import dev.azid.test.HostileFiles;
import dev.azid.test.LogCapture;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent token cache file (and its lock file) as a pipe, device, directory, link or over
 * 8 MiB: reading or saving fails with the store's {@link UncheckedIOException} naming the path, in
 * bounded time; a file exactly at the cap is read (and, not being a cache, ignored with a warning).
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TokenCacheFileReadsTest {

    private static final int CAP = 8 * 1024 * 1024;
    private static final PersistentSessions.Entry ENTRY = new PersistentSessions.Entry("c", "h", "https://a", "t", "u", "rt");

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private Path cache;
    private PersistentSessions sessions;

    @BeforeEach
    void setUp() throws Exception {
        HostileFiles.assumeUnix();
        Path directory = Files.createDirectory(dir.resolve("cache"));
        cache = directory.resolve("azid.cache");
        sessions = new PersistentSessions(TokenCachePersistenceOptions.builder().directory(directory)
                .encryptionKey(new byte[32]).build());
    }

    private void assertRefused(String problem) {
        assertThatThrownBy(() -> sessions.find("c", "h")).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("the token cache " + cache + " " + problem);
        assertThatThrownBy(() -> sessions.save(ENTRY, Instant.EPOCH)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("the token cache " + cache + " " + problem);
    }

    @Test
    void cacheFileIsAPipe_isRefusedAsNotRegular_insteadOfBlocking() throws Exception {
        HostileFiles.fifo(cache);
        assertRefused("is not a regular file (it is a named pipe, device or socket); token cache files must be "
                + "regular files");
    }

    @Test
    void cacheFileIsADirectoryOrLinkToDevice_isRefused() throws Exception {
        Files.createDirectory(cache);
        assertRefused("is not a regular file (it is a directory)");
        Files.delete(cache);
        for (Path device : List.of(HostileFiles.DEV_ZERO, HostileFiles.DEV_URANDOM)) {
            HostileFiles.link(cache, device);
            assertRefused("is not a regular file (it is a named pipe, device or socket)");
            Files.delete(cache);
        }
    }

    @Test
    void lockFileIsAPipe_isRefused_insteadOfBlockingTheWrite() throws Exception {
        Path lock = HostileFiles.fifo(cache.resolveSibling("azid.cache.lock"));
        assertThatThrownBy(() -> sessions.save(ENTRY, Instant.EPOCH)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("the token cache " + cache + " cannot be used: " + lock + " is not a regular file");
    }

    @Test
    void cacheLinkedToARegularFile_isRead() throws Exception {
        sessions.save(ENTRY, Instant.EPOCH);
        Path moved = Files.move(cache, dir.resolve("elsewhere.cache"));
        HostileFiles.link(cache, moved);
        assertThat(sessions.find("c", "h")).map(PersistentSessions.Entry::refreshToken).contains("rt");
        Files.delete(cache);
        HostileFiles.link(cache, HostileFiles.fifo(dir.resolve("pipe")));
        assertRefused("is not a regular file");
    }

    @Test
    void sparseCacheOfGigabytes_isRefusedNamingTheCap() throws Exception {
        HostileFiles.sparse(cache, 5L << 30);
        assertRefused("is larger than 8 MiB, the limit for token cache files");
    }

    @Test
    void cacheExactlyAtTheCap_isReadAndIgnoredAsCorrupt_oneByteOver_isRefused() throws Exception {
        HostileFiles.sparse(cache, CAP);
        assertThat(sessions.find("c", "h")).isEmpty();
        assertThat(logs.all()).contains("corrupt");
        HostileFiles.sparse(cache, CAP + 1L);
        assertRefused("is larger than 8 MiB");
    }

    @Test
    void update_contentOverTheCap_isNeverWritten() throws Exception {
        sessions.save(ENTRY, Instant.EPOCH);
        byte[] before = Files.readAllBytes(cache);
        FileTokenStore store = new FileTokenStore(cache);
        assertThatThrownBy(() -> store.update(current -> new byte[CAP + 1])).isInstanceOf(UncheckedIOException.class)
                .hasMessage("the token cache " + cache + " cannot be used: the new content would be larger than 8 MiB, the "
                        + "limit for token cache files");
        assertThat(Files.readAllBytes(cache)).isEqualTo(before);
        store.update(current -> new byte[CAP]);
        assertThat(store.read()).hasSize(CAP);
    }
}
