package dev.azid.internal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.internal.io.BoundedFileReader;
import dev.azid.test.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The host-wide request limiter: slots, starts per second, failing open. */
class HostRequestLimiterTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(12);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private HostRequestLimiter limiter(int concurrent, int perSecond, Duration maxWait) {
        return new HostRequestLimiter(dir, concurrent, perSecond, maxWait, Clock.systemUTC(), BoundedFileReader.system());
    }

    @Test
    void acquire_manyCallersOnSeparateLimiters_neverMoreThanTheSlotsAtOnce() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch full = new CountDownLatch(3);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            HostRequestLimiter own = limiter(3, 1000, Duration.ofSeconds(20));
            done.add(pool.submit(() -> {
                try (HostRequestLimiter.Permit p = own.acquire()) {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    full.countDown();
                    full.await(5, TimeUnit.SECONDS);
                    inside.decrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertThat(most).hasValue(3);
        assertThat(logs.all()).doesNotContain("WARN");
    }

    @Test
    void acquire_moreStartsThanPerSecond_spreadsThemOverSeconds() throws Exception {
        HostRequestLimiter limiter = limiter(10, 4, Duration.ofSeconds(20));
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            done.add(pool.submit(() -> {
                try (HostRequestLimiter.Permit p = limiter.acquire()) {
                    starts.add(System.currentTimeMillis());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        List<Long> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        assertThat(sorted).hasSize(9);
        for (int i = 0; i + 4 < sorted.size(); i++) {
            // Observed after acquire() returns, so a few ms of scheduling jitter either side of the limiter's own clock.
            assertThat(sorted.get(i + 4) - sorted.get(i)).as("five starts within one second").isGreaterThanOrEqualTo(950);
        }
    }

    @Test
    void acquire_noSlotWithinTheWait_sendsAnywayAndWarnsOnce() {
        HostRequestLimiter one = limiter(1, 1000, Duration.ofMillis(50));
        try (HostRequestLimiter.Permit held = one.acquire()) {
            HostRequestLimiter other = limiter(1, 1000, Duration.ofMillis(50));
            other.acquire().close();
            other.acquire().close();
        }
        assertThat(logs.lines()).filteredOn(l -> l.contains("WARN")).hasSize(1).first().asString()
                .contains("no a free request slot within").contains("requests are sent without it");
    }

    @Test
    void acquire_directoryUnusable_sendsAnyway() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        HostRequestLimiter limiter = new HostRequestLimiter(file, 5, 20, Duration.ofSeconds(1), Clock.systemUTC(),
                BoundedFileReader.system());
        limiter.acquire().close();
        assertThat(logs.all()).contains("cannot be used");
    }
}
