package dev.azid.internal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.SharedTokenStore.Lease;
import dev.azid.test.LogCapture;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Renewing held leases on the scheduler's own threads: period, stop, refusal, failure. */
@Timeout(30)
class LeaseRenewalsTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final AtomicLong nanos = new AtomicLong();
    private final StoreHealth health = new StoreHealth("TestStore", nanos::get);

    /** A lease whose renewals are counted, and answered by {@code answer}. */
    private static class CountedLease implements Lease {
        final AtomicInteger renewals = new AtomicInteger();
        final CountDownLatch renewed;
        volatile Duration asked;

        CountedLease(int expected) {
            this.renewed = new CountDownLatch(expected);
        }

        boolean answer() throws IOException {
            return true;
        }

        @Override
        public boolean renew(Duration duration) throws IOException {
            asked = duration;
            renewals.incrementAndGet();
            renewed.countDown();
            return answer();
        }

        @Override
        public void release() {
        }
    }

    private static void nothingHappensWithin(Duration window) throws InterruptedException {
        // Not synchronisation: an observation window in which nothing may happen.
        assertThat(new CountDownLatch(1).await(window.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void start_renewsToAWholeDurationEveryThirdOfIt_untilStopped() throws Exception {
        LeaseRenewals renewals = new LeaseRenewals(Duration.ofMillis(60), health);
        assertThat(renewals.period()).isEqualTo(Duration.ofMillis(20));
        CountedLease lease = new CountedLease(3);
        LeaseRenewals.Renewal renewal = renewals.start(lease, "TestCredential");
        assertThat(renewals.renewing()).isEqualTo(1);
        assertThat(lease.renewed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lease.asked).isEqualTo(Duration.ofMillis(60));
        renewal.stop();
        renewal.stop();
        assertThat(renewals.renewing()).isZero();
        int after = lease.renewals.get();
        nothingHappensWithin(Duration.ofMillis(200));
        assertThat(lease.renewals).as("none after the stop").hasValue(after);
    }

    @Test
    void renew_refusedByTheStore_endsThatLeasesRenewals() throws Exception {
        LeaseRenewals renewals = new LeaseRenewals(Duration.ofMillis(30), health);
        CountedLease lost = new CountedLease(1) {
            @Override
            boolean answer() {
                return false;
            }
        };
        LeaseRenewals.Renewal renewal = renewals.start(lost, "TestCredential");
        assertThat(lost.renewed.await(10, TimeUnit.SECONDS)).isTrue();
        synchronized (renewal) {
            // A renewal runs holding its Renewal's monitor: once the test has it, the refused renewal is over.
            assertThat(renewals.renewing()).isZero();
        }
        nothingHappensWithin(Duration.ofMillis(150));
        assertThat(lost.renewals).hasValue(1);
        renewal.stop();
        assertThat(renewals.renewing()).isZero();
        assertThat(logs.all()).contains("TestCredential: the shared token cache's lease was not renewed");
        assertThat(health.isDown()).isFalse();
    }

    @Test
    void renew_fails_isAStoreFailureWarnedOnce_andRenewalsGoOn() throws Exception {
        LeaseRenewals renewals = new LeaseRenewals(Duration.ofMillis(30), health);
        CountedLease failing = new CountedLease(3) {
            @Override
            boolean answer() throws IOException {
                throw new IOException("connection reset");
            }
        };
        LeaseRenewals.Renewal renewal = renewals.start(failing, "TestCredential");
        assertThat(failing.renewed.await(10, TimeUnit.SECONDS)).as("renewed again after failures").isTrue();
        renewal.stop();
        assertThat(health.isDown()).isTrue();
        assertThat(logs.lines()).filteredOn(l -> l.startsWith("WARN")).hasSize(1).first().asString()
                .contains("TestCredential: the shared token cache TestStore failed (IOException: connection reset)");
    }

    @Test
    void stop_duringARenewal_returnsOnlyAfterIt() throws Exception {
        LeaseRenewals renewals = new LeaseRenewals(Duration.ofMillis(30), health);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        CountedLease slow = new CountedLease(1) {
            @Override
            boolean answer() {
                inside.countDown();
                try {
                    return letGo.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        };
        LeaseRenewals.Renewal renewal = renewals.start(slow, "TestCredential");
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(renewal::stop, r -> new Thread(r, "stopper").start());
        nothingHappensWithin(Duration.ofMillis(50));
        assertThat(stopped).as("waits for the renewal in progress").isNotDone();
        letGo.countDown();
        stopped.get(10, TimeUnit.SECONDS);
        assertThat(slow.renewals).hasValue(1);
        assertThat(renewals.renewing()).isZero();
    }
}
