package dev.azid.internal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.AccessToken;
import dev.azid.SharedTokenStore;
import dev.azid.internal.cache.CacheKey;
import dev.azid.internal.cache.TokenFetcher;
import dev.azid.test.ForwardingStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lease protocol of {@link SharedTier} over a real store, with real time and a 1 s lease, each
 * "process" a {@link SharedTokens} of its own: a holder slower than several lease durations keeps
 * its lease by renewing it and is waited for, and the lease of a holder that died is taken over by
 * exactly one waiter. Shared by the file store's tests and the Redis store's.
 */
public final class LeaseScenarios {

    /** The lease duration of every process: 1 s, renewed every 333 ms. */
    public static final Duration LEASE = Duration.ofSeconds(1);
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final CacheKey KEY = new CacheKey("ClientSecretCredential|login.example|client-1|fp", "tenant-1",
            List.of("https://vault.example/.default"), false);

    private LeaseScenarios() {
    }

    private static SharedTokens process(SharedTokenStore store, byte[] appKey) {
        return new SharedTokens(store, appKey, LEASE, MAX_WAIT, null);
    }

    private static TokenFetcher fetcher(AtomicInteger fetches, String value) {
        return () -> {
            fetches.incrementAndGet();
            return AccessToken.of(value, Instant.now().plus(Duration.ofHours(1)));
        };
    }

    /**
     * The first store's process takes the lease and fetches until it has renewed it 10 times (more
     * than 3 lease durations); the others wait on and get its token: one fetch in all.
     *
     * @param stores one store per process, the holder's first; the same instance may repeat
     * @param appKey the shared encryption key
     * @throws Exception if a process fails
     */
    public static void slowHolder_isWaitedFor_oneFetch(List<SharedTokenStore> stores, byte[] appKey) throws Exception {
        RenewCounting holderStore = new RenewCounting(stores.get(0), 10);
        SharedTokens holder = process(holderStore, appKey);
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            CompletableFuture<AccessToken> held = CompletableFuture.supplyAsync(() -> holder.level("Holder",
                    java.time.Clock.systemUTC(), false).fetch(KEY, () -> {
                        fetches.incrementAndGet();
                        fetching.countDown();
                        await(proceed);
                        return AccessToken.of("holder's", Instant.now().plus(Duration.ofHours(1)));
                    }), threads);
            assertThat(fetching.await(20, TimeUnit.SECONDS)).as("the holder fetches").isTrue();
            List<CompletableFuture<AccessToken>> waiters = new ArrayList<>();
            for (SharedTokenStore store : stores.subList(1, stores.size())) {
                SharedTokens waiter = process(store, appKey);
                waiters.add(CompletableFuture.supplyAsync(() -> waiter.level("Waiter", java.time.Clock.systemUTC(), false)
                        .fetch(KEY, fetcher(fetches, "waiter's")), threads));
            }
            assertThat(holderStore.renewed.await(20, TimeUnit.SECONDS)).as("renewed 10 times").isTrue();
            assertThat(fetches).as("nobody took the renewed lease over").hasValue(1);
            assertThat(waiters).noneMatch(CompletableFuture::isDone);
            Optional<SharedTokenStore.LeaseHolder> who = stores.get(1).leaseHolder(holder.name(KEY));
            assertThat(who).hasValueSatisfying(h -> {
                assertThat(h.description()).startsWith("pid " + ProcessHandle.current().pid());
                assertThat(h.expiresAt()).isAfter(Instant.now().minus(Duration.ofMillis(100)))
                        .isBefore(Instant.now().plus(LEASE).plus(Duration.ofMillis(500)));
            });
            proceed.countDown();
            assertThat(held.get(20, TimeUnit.SECONDS).token()).isEqualTo("holder's");
            assertThat(holder.renewals().renewing()).as("renewal stopped with the fetch").isZero();
            int renewals = holderStore.renewals.get();
            assertThat(stores.get(1).leaseHolder(holder.name(KEY))).as("released").isEmpty();
            for (CompletableFuture<AccessToken> w : waiters) {
                assertThat(w.get(20, TimeUnit.SECONDS).token()).isEqualTo("holder's");
            }
            assertThat(fetches).hasValue(1);
            assertThat(holderStore.refused).as("every renewal while held succeeded").hasValue(0);
            assertThat(holderStore.renewals).as("none after the release").hasValue(renewals);
        } finally {
            proceed.countDown();
            threads.shutdownNow();
        }
    }

    /**
     * A process takes the lease and dies (never renews nor releases it); the waiters wait until it
     * expires, then exactly one of them takes it over and fetches, and the others get its token.
     *
     * @param stores one store per waiting process; the same instance may repeat
     * @param appKey the shared encryption key
     * @throws Exception if a process fails
     */
    public static void deadHolder_exactlyOneWaiterTakesOver(List<SharedTokenStore> stores, byte[] appKey) throws Exception {
        String name = process(stores.get(0), appKey).name(KEY);
        long died = System.nanoTime();
        assertThat(stores.get(0).tryLease(name, LEASE)).as("the dead holder's lease").isPresent();
        AtomicInteger fetches = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            List<CompletableFuture<AccessToken>> waiters = new ArrayList<>();
            for (SharedTokenStore store : stores) {
                SharedTokens waiter = process(store, appKey);
                waiters.add(CompletableFuture.supplyAsync(() -> waiter.level("Waiter", java.time.Clock.systemUTC(), false)
                        .fetch(KEY, fetcher(fetches, "taken over")), threads));
            }
            for (CompletableFuture<AccessToken> w : waiters) {
                assertThat(w.get(30, TimeUnit.SECONDS).token()).isEqualTo("taken over");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - died)).as("not before the lease expired")
                    .isGreaterThanOrEqualTo(LEASE.minus(Duration.ofMillis(50)));
            assertThat(fetches).as("exactly one waiter took the lease over").hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("not let go within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A store whose leases count their renewals. */
    private static final class RenewCounting extends ForwardingStore {
        final CountDownLatch renewed;
        final AtomicInteger renewals = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();

        RenewCounting(SharedTokenStore store, int expected) {
            super(store);
            this.renewed = new CountDownLatch(expected);
        }

        @Override
        protected boolean renew(Lease lease, Duration duration) throws IOException {
            renewals.incrementAndGet();
            boolean renewedIt = lease.renew(duration);
            if (renewedIt) {
                renewed.countDown();
            } else {
                refused.incrementAndGet();
            }
            return renewedIt;
        }
    }
}
