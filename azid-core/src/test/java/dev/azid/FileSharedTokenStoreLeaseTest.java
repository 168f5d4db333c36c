package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.SharedTokenStore.Lease;
import dev.azid.SharedTokenStore.LeaseHolder;
import dev.azid.test.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store's leases: renewal by the holder only, who holds them, records of older versions. */
class FileSharedTokenStoreLeaseTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String PID = "pid " + ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");

    private FileSharedTokenStore store() {
        return FileSharedTokenStore.builder().directory(dir.resolve("tokens")).clock(clock).build();
    }

    private Path leaseFile() {
        return dir.resolve("tokens").resolve(KEY + ".lease");
    }

    @Test
    void renew_byTheHolder_extendsTheLeaseFromNow() throws IOException {
        FileSharedTokenStore store = store();
        Lease lease = store.tryLease(KEY, Duration.ofSeconds(30)).orElseThrow();
        clock.advance(Duration.ofSeconds(20));
        assertThat(lease.renew(Duration.ofSeconds(30))).isTrue();
        assertThat(store.leaseHolder(KEY)).map(LeaseHolder::expiresAt).hasValue(clock.instant().plusSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(store().tryLease(KEY, Duration.ofSeconds(30))).as("held 49 s after it was taken").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store().tryLease(KEY, Duration.ofSeconds(30))).as("free 30 s after the last renewal").isPresent();
    }

    @Test
    void renew_byAHolderWhoseLeaseExpiredAndWasTaken_isRefused_andLeavesTheNewHolderAlone() throws IOException {
        FileSharedTokenStore store = store();
        Lease old = store.tryLease(KEY, Duration.ofSeconds(30)).orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        assertThat(old.renew(Duration.ofSeconds(30))).as("expired, even if nobody took it yet").isFalse();
        Lease next = store().tryLease(KEY, Duration.ofSeconds(10)).orElseThrow();
        assertThat(old.renew(Duration.ofSeconds(30))).isFalse();
        assertThat(store.leaseHolder(KEY)).map(LeaseHolder::expiresAt).hasValue(clock.instant().plusSeconds(10));
        assertThat(next.renew(Duration.ofSeconds(20))).isTrue();
        next.release();
        assertThat(next.renew(Duration.ofSeconds(20))).as("after its release").isFalse();
        assertThat(store.leaseHolder(KEY)).isEmpty();
        assertThat(leaseFile()).doesNotExist();
    }

    @Test
    void leaseHolder_namesThisProcessAndTheExpiry_emptyWhenFreeOrExpired() throws IOException {
        FileSharedTokenStore store = store();
        assertThat(store.leaseHolder(KEY)).isEmpty();
        Lease lease = store.tryLease(KEY, Duration.ofSeconds(30)).orElseThrow();
        LeaseHolder holder = store().leaseHolder(KEY).orElseThrow();
        assertThat(holder.description()).matches(PID + "( on [A-Za-z0-9._-]{1,64})?");
        assertThat(holder.expiresAt()).isEqualTo(clock.instant().plusSeconds(30));
        String record = Files.readString(leaseFile(), StandardCharsets.US_ASCII);
        assertThat(record).matches("[0-9a-f]{32} " + clock.instant().plusSeconds(30).toEpochMilli() + " " + PID + ".*");
        assertThat(lease.toString()).isEqualTo("FileSharedTokenStore.Lease[" + KEY + "]").doesNotContain(record.substring(0, 32));
        clock.advance(Duration.ofSeconds(30));
        assertThat(store.leaseHolder(KEY)).isEmpty();
    }

    @Test
    void leaseRecordOfAnOlderVersion_stillExcludes_andItsHolderIsUnknown() throws IOException {
        FileSharedTokenStore store = store();
        store.tryLease(KEY, Duration.ofSeconds(1)).orElseThrow().release();
        long expiry = clock.instant().plusSeconds(30).toEpochMilli();
        Files.writeString(leaseFile(), "00112233445566778899aabbccddeeff " + expiry, StandardCharsets.US_ASCII);
        assertThat(store.tryLease(KEY, Duration.ofSeconds(30))).isEmpty();
        assertThat(store.leaseHolder(KEY)).hasValue(new LeaseHolder("unknown (an older azid)", clock.instant().plusSeconds(30)));
        clock.advance(Duration.ofSeconds(30));
        assertThat(store.tryLease(KEY, Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void leaseRecordWithControlCharacters_isShownSanitised() throws IOException {
        FileSharedTokenStore store = store();
        store.tryLease(KEY, Duration.ofSeconds(1)).orElseThrow().release();
        long expiry = clock.instant().plusSeconds(30).toEpochMilli();
        Files.writeString(leaseFile(), "00ff " + expiry + " pid 1\u001b[2J", StandardCharsets.ISO_8859_1);
        assertThat(store.leaseHolder(KEY)).map(LeaseHolder::description).hasValue("pid 1?[2J");
    }

    @Test
    void awaitChange_returnsWhenTheHolderRenews() throws Exception {
        FileSharedTokenStore store = store();
        Lease lease = store.tryLease(KEY, Duration.ofSeconds(30)).orElseThrow();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Void> waited = CompletableFuture.runAsync(() -> {
            waiting.countDown();
            try {
                store.awaitChange(KEY, Duration.ofSeconds(20));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }, r -> new Thread(r, "waiter").start());
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        // The waiter looks at the files just after the latch: renew until it has seen a renewal.
        for (int i = 0; !waited.isDone() && i < 100; i++) {
            clock.advance(Duration.ofMillis(10));
            assertThat(lease.renew(Duration.ofSeconds(30))).isTrue();
            try {
                waited.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Not seen yet.
            }
        }
        assertThat(waited).isDone();
        waited.get();
    }

    @Test
    void tryLease_whileALiveHolderHasIt_answersWithoutTheKeysLock() throws IOException {
        store().tryLease(KEY, Duration.ofSeconds(30)).orElseThrow();
        Path lockFile = dir.resolve("tokens").resolve(KEY + ".lock");
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock held = channel.lock()) {
            // With the key's lock busy, a waiter still learns at once that the lease is taken.
            assertThat(store().tryLease(KEY, Duration.ofSeconds(30))).isEmpty();
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(store().tryLease(KEY, Duration.ofSeconds(30))).as("expired: taken under the lock").isPresent();
    }
}
