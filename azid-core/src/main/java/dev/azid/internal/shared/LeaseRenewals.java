package dev.azid.internal.shared;

import dev.azid.SharedTokenStore.Lease;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the leases this process holds alive while it fetches: every third of the lease duration
 * each is {@linkplain Lease#renew renewed} to a whole duration from then, so that a holder that is
 * slow but alive keeps its lease and the others keep waiting for its token, while a holder that
 * dies stops renewing and loses the lease one duration after its last renewal. A renewal that
 * fails is a store failure ({@link StoreHealth}), never the fetch's, and renewals go on; one the
 * store refuses (the lease was lost, or the store cannot renew) ends that lease's renewals.
 *
 * <p>One per {@link SharedTokens}, with at most two daemon threads ({@code azid-lease-renewal-N}),
 * started when a lease is first held and ended after 30 s without one; never the common pool,
 * never the application's executor, whose saturation must not cost a holder its lease.
 */
final class LeaseRenewals {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewals.class);

    private final Duration leaseDuration;
    private final StoreHealth health;
    private final ScheduledThreadPoolExecutor scheduler;
    private final AtomicInteger active = new AtomicInteger();

    LeaseRenewals(Duration leaseDuration, StoreHealth health) {
        this.leaseDuration = leaseDuration;
        this.health = health;
        AtomicInteger counter = new AtomicInteger();
        this.scheduler = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "azid-lease-renewal-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler.setKeepAliveTime(30, TimeUnit.SECONDS);
        scheduler.allowCoreThreadTimeOut(true);
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** @return how often a held lease is renewed: a third of its duration */
    Duration period() {
        return Duration.ofMillis(Math.max(1, leaseDuration.toMillis() / 3));
    }

    /** @return how many leases are being renewed (for tests) */
    int renewing() {
        return active.get();
    }

    /**
     * Starts renewing a lease just taken.
     *
     * @param lease the lease
     * @param credentialName the credential, for log lines
     * @return the renewals, to {@linkplain Renewal#stop() stop} when the fetch ends
     */
    Renewal start(Lease lease, String credentialName) {
        Renewal renewal = new Renewal(lease, credentialName);
        active.incrementAndGet();
        long period = period().toMillis();
        try {
            renewal.future = scheduler.scheduleWithFixedDelay(renewal::renew, period, period, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Never shut down, so not expected: the lease then simply ends at its expiry.
            LOG.debug("{}: the shared token cache's lease cannot be renewed ({})", credentialName, e.toString());
        }
        return renewal;
    }

    /** The renewals of one held lease. */
    final class Renewal {
        private final Lease lease;
        private final String credentialName;
        private boolean stopped;
        private volatile ScheduledFuture<?> future;

        private Renewal(Lease lease, String credentialName) {
            this.lease = lease;
            this.credentialName = credentialName;
        }

        private synchronized void renew() {
            if (stopped) {
                return;
            }
            try {
                if (lease.renew(leaseDuration)) {
                    health.succeeded();
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // Deliberately broad, as for every store call: the lease may still be renewed next time.
                health.failed(credentialName, e);
                return;
            }
            LOG.debug("{}: the shared token cache's lease was not renewed (lost, or the store cannot renew); "
                    + "it ends at its expiry", credentialName);
            end();
        }

        /** Stops renewing; returns after a renewal in progress, and none starts after. */
        synchronized void stop() {
            end();
        }

        private void end() {
            if (!stopped) {
                stopped = true;
                active.decrementAndGet();
            }
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
