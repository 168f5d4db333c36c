package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store on its own: values with expiry, leases, waiting, file protection. */
class FileSharedTokenStoreTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");

    private FileSharedTokenStore store() {
        return FileSharedTokenStore.builder().directory(dir.resolve("tokens")).clock(clock).build();
    }

    @Test
    void put_thenGet_returnsTheValueInPrivateFiles() throws IOException {
        FileSharedTokenStore store = store();
        store.put(KEY, "sealed".getBytes(StandardCharsets.UTF_8), clock.instant().plusSeconds(60));
        assertThat(store.get(KEY)).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("sealed"));
        Path file = dir.resolve("tokens").resolve(KEY + ".token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(store.hostLocal()).isTrue();
        assertThat(store.toString()).isEqualTo("FileSharedTokenStore[" + dir.resolve("tokens").toAbsolutePath() + "]");
    }

    @Test
    void get_afterExpiry_isEmptyAndTheFileIsRemoved() throws IOException {
        FileSharedTokenStore store = store();
        store.put(KEY, new byte[] {1}, clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.get(KEY)).isEmpty();
        assertThat(dir.resolve("tokens").resolve(KEY + ".token")).doesNotExist();
    }

    @Test
    void get_nothingStored_isEmpty() throws IOException {
        assertThat(store().get(KEY)).isEmpty();
    }

    @Test
    void tryLease_isExclusiveUntilReleased() throws IOException {
        FileSharedTokenStore a = store();
        FileSharedTokenStore b = store();
        Optional<SharedTokenStore.Lease> lease = a.tryLease(KEY, Duration.ofSeconds(30));
        assertThat(lease).isPresent();
        assertThat(b.tryLease(KEY, Duration.ofSeconds(30))).isEmpty();
        lease.get().release();
        lease.get().release();
        assertThat(b.tryLease(KEY, Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void tryLease_ofAHolderThatDied_isFreeAfterItsDuration_andTheOldHolderCannotReleaseTheNewLease() throws IOException {
        FileSharedTokenStore store = store();
        SharedTokenStore.Lease dead = store.tryLease(KEY, Duration.ofSeconds(30)).orElseThrow();
        clock.advance(Duration.ofSeconds(29));
        assertThat(store.tryLease(KEY, Duration.ofSeconds(30))).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        SharedTokenStore.Lease next = store.tryLease(KEY, Duration.ofSeconds(30)).orElseThrow();
        dead.release();
        assertThat(store.tryLease(KEY, Duration.ofSeconds(30))).as("still held by the new holder").isEmpty();
        next.release();
        assertThat(store.tryLease(KEY, Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void awaitChange_returnsWhenAnotherProcessPuts() throws Exception {
        FileSharedTokenStore store = store();
        store.put(KEY, new byte[] {1}, clock.instant().plusSeconds(60));
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            waiting.countDown();
            try {
                store.awaitChange(KEY, Duration.ofSeconds(20));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return System.nanoTime() - start;
        });
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        // The waiter looks at the files just after the latch: put until it has seen a put.
        FileSharedTokenStore other = store();
        for (byte b = 2; !waited.isDone() && b < 100; b++) {
            other.put(KEY, new byte[] {b}, clock.instant().plusSeconds(60));
            try {
                waited.get(50, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // Not seen yet.
            }
        }
        assertThat(Duration.ofNanos(waited.get(15, TimeUnit.SECONDS))).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void awaitChange_nothingChanges_returnsAfterTheWait() throws IOException {
        long start = System.nanoTime();
        store().awaitChange(KEY, Duration.ofMillis(60));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    @Test
    void tryLease_lockFileIsNotARegularFile_failsWithIOException() throws IOException {
        Files.createDirectories(dir.resolve("tokens").resolve(KEY + ".lock"));
        assertThatThrownBy(() -> store().tryLease(KEY, Duration.ofSeconds(1))).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a regular file");
    }

    @Test
    void get_keyThatIsNotAHash_isRefusedBeforeAnyFileIsTouched() {
        assertThatThrownBy(() -> store().get("../escape")).isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("tokens")).doesNotExist();
    }

    @Test
    void build_withoutDirectory_namesTheSetting() {
        assertThatThrownBy(() -> FileSharedTokenStore.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FileSharedTokenStore: directory is not set. Call directory(...) with a directory on a local "
                        + "disk that every process sharing tokens names.");
    }
}
