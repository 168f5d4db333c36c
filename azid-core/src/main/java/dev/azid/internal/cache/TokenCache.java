package dev.azid.internal.cache;

import dev.azid.AccessToken;
import dev.azid.CredentialException;
import dev.azid.internal.redact.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one token cache of azid, used by every credential.
 *
 * <p>A cached token is in one of three states, judged with the injected clock:
 * <ul>
 *   <li><b>fresh</b> (before its refresh instant): returned at once, without a lock, from a
 *       volatile read after the key look-up;</li>
 *   <li><b>stale</b> (due for refresh, still valid): returned at once, and one background refresh
 *       is started on the executor unless one is running or a failed refresh is backing off (30 s,
 *       doubling up to 5 minutes); a failed refresh is logged and the cached token kept;</li>
 *   <li><b>expired</b> (or missing): the caller waits for a fetch. Concurrent callers share one
 *       fetch (single flight): N callers on a cold cache cause exactly one request.</li>
 * </ul>
 * A token is treated as expired slightly early (a tenth of its lifetime, at most 30 s), so a token
 * that is about to expire in flight is never returned. Every fetched token, whatever its source,
 * passes {@link TokenExpiry#requireUsable} before it is cached or returned: one that is already
 * expired, or claims to live longer than {@link TokenExpiry#MAX_LIFETIME}, is refused.
 *
 * <p>A {@link SecondLevel} shared with other processes, when there is one, is asked only where this
 * cache would fetch (a miss, an expired token, a due refresh), never on a hit nor for a forced refresh.
 */
public final class TokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(5);
    private static final long MAX_EXPIRY_MARGIN_MILLIS = 30_000;

    private final ConcurrentHashMap<CacheKey, Slot> slots = new ConcurrentHashMap<>();
    private final String credentialName;
    private final Clock clock;
    private final Executor executor;
    private final SecondLevel shared;

    /**
     * Creates an empty cache.
     *
     * @param credentialName the owning credential's name, for log lines
     * @param clock the clock that decides fresh, stale and expired
     * @param executor runs background refreshes and asynchronous fetches
     */
    public TokenCache(String credentialName, Clock clock, Executor executor) {
        this(credentialName, clock, executor, SecondLevel.NONE);
    }

    /**
     * Creates an empty cache over a level shared with other processes, asked only on a miss or a
     * due refresh (never on a hit, never for a forced refresh).
     *
     * @param credentialName the owning credential's name, for log lines
     * @param clock the clock that decides fresh, stale and expired
     * @param executor runs background refreshes and asynchronous fetches
     * @param shared the shared level, or {@link SecondLevel#NONE}
     */
    public TokenCache(String credentialName, Clock clock, Executor executor, SecondLevel shared) {
        this.credentialName = credentialName;
        this.clock = clock;
        this.executor = executor;
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    /**
     * Returns a token for the key, fetching one on the calling thread when none is usable.
     *
     * @param key what the token is for
     * @param forceRefresh fetch even when a cached token is fresh (claims challenges); the result
     *     replaces the cached token
     * @param fetcher gets a new token
     * @return a token that is not expired
     * @throws CancellationException if the thread is interrupted while waiting for another
     *     caller's fetch; the interrupt flag is restored
     */
    public AccessToken getToken(CacheKey key, boolean forceRefresh, TokenFetcher fetcher) {
        Slot slot = slot(key);
        if (!forceRefresh) {
            Entry entry = slot.entry;
            if (entry != null) {
                long now = clock.millis();
                if (now < entry.refreshAtMillis) {
                    return entry.token;
                }
                if (now < entry.usableUntilMillis) {
                    refreshInBackground(slot, key, fetcher, now);
                    return entry.token;
                }
            }
        } else {
            return fetchAndStore(slot, fetcher);
        }
        while (true) {
            CompletableFuture<AccessToken> running = slot.inflight.get();
            if (running != null) {
                return await(running);
            }
            CompletableFuture<AccessToken> mine = new CompletableFuture<>();
            if (slot.inflight.compareAndSet(null, mine)) {
                lead(slot, key, fetcher, mine);
                return await(mine);
            }
        }
    }

    /**
     * Asynchronous form of {@link #getToken}: a usable cached token completes at once; otherwise the
     * fetch runs on the executor and concurrent callers share it.
     *
     * @param key what the token is for
     * @param forceRefresh fetch even when a cached token is fresh
     * @param fetcher gets a new token
     * @return a future of a token that is not expired
     */
    public CompletableFuture<AccessToken> getTokenAsync(CacheKey key, boolean forceRefresh, TokenFetcher fetcher) {
        Slot slot = slot(key);
        if (forceRefresh) {
            return CompletableFuture.supplyAsync(() -> fetchAndStore(slot, fetcher), executor);
        }
        Entry entry = slot.entry;
        if (entry != null) {
            long now = clock.millis();
            if (now < entry.refreshAtMillis) {
                return CompletableFuture.completedFuture(entry.token);
            }
            if (now < entry.usableUntilMillis) {
                refreshInBackground(slot, key, fetcher, now);
                return CompletableFuture.completedFuture(entry.token);
            }
        }
        while (true) {
            CompletableFuture<AccessToken> running = slot.inflight.get();
            if (running != null) {
                return running.copy();
            }
            CompletableFuture<AccessToken> mine = new CompletableFuture<>();
            if (slot.inflight.compareAndSet(null, mine)) {
                try {
                    executor.execute(() -> lead(slot, key, fetcher, mine));
                } catch (RejectedExecutionException e) {
                    slot.inflight.compareAndSet(mine, null);
                    mine.completeExceptionally(e);
                }
                return mine.copy();
            }
        }
    }

    /** Forgets every cached token. */
    public void clear() {
        slots.clear();
    }

    private Slot slot(CacheKey key) {
        Slot slot = slots.get(key);
        return slot != null ? slot : slots.computeIfAbsent(key, k -> new Slot());
    }

    /** Runs the fetch this caller won the right to run; re-checks first, as a fetch may just have ended. */
    private void lead(Slot slot, CacheKey key, TokenFetcher fetcher, CompletableFuture<AccessToken> mine) {
        try {
            Entry entry = slot.entry;
            if (entry != null && clock.millis() < entry.usableUntilMillis) {
                mine.complete(entry.token);
                return;
            }
            mine.complete(fetchAndStore(slot, () -> shared.fetch(key, fetcher)));
        } catch (Throwable t) {
            mine.completeExceptionally(t);
        } finally {
            slot.inflight.compareAndSet(mine, null);
        }
    }

    private AccessToken fetchAndStore(Slot slot, TokenFetcher fetcher) {
        AccessToken token = fetcher.fetch();
        TokenExpiry.requireUsable(credentialName, token, clock.instant());
        slot.entry = new Entry(token, clock.millis());
        slot.failures = 0;
        slot.nextAttemptMillis = 0;
        return token;
    }

    private void refreshInBackground(Slot slot, CacheKey key, TokenFetcher fetcher, long now) {
        if (now < slot.nextAttemptMillis) {
            return;
        }
        CompletableFuture<AccessToken> mine = new CompletableFuture<>();
        if (!slot.inflight.compareAndSet(null, mine)) {
            return;
        }
        Runnable refresh = () -> {
            try {
                mine.complete(fetchAndStore(slot, () -> shared.fetch(key, fetcher)));
            } catch (Throwable t) {
                Duration delay = backOff(slot);
                Entry entry = slot.entry;
                LOG.warn("{}: refreshing a cached token failed; the cached token stays in use until {}; next attempt in {} s. "
                        + "Cause: {}", credentialName, entry == null ? "expiry" : entry.token.expiresAt(),
                        delay.toSeconds(), t instanceof CredentialException ? t.getMessage()
                                : Redactor.SHAPES.redact(t.getMessage()));
                mine.completeExceptionally(t);
                if (t instanceof Error error) {
                    throw error;
                }
            } finally {
                slot.inflight.compareAndSet(mine, null);
            }
        };
        try {
            executor.execute(refresh);
        } catch (RejectedExecutionException e) {
            slot.inflight.compareAndSet(mine, null);
            LOG.debug("{}: background refresh not started: executor refused it", credentialName);
        }
    }

    private Duration backOff(Slot slot) {
        int failures = Math.min(++slot.failures, 10);
        Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << (failures - 1));
        if (delay.compareTo(MAX_RETRY_DELAY) > 0) {
            delay = MAX_RETRY_DELAY;
        }
        slot.nextAttemptMillis = clock.millis() + delay.toMillis();
        return delay;
    }

    private static AccessToken await(CompletableFuture<AccessToken> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException ce = new CancellationException("interrupted while waiting for a token");
            ce.initCause(e);
            throw ce;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("token fetch failed", cause);
        }
    }

    /** A cached token with its instants as epoch millis, so the hot path compares longs. */
    private static final class Entry {
        final AccessToken token;
        final long refreshAtMillis;
        final long usableUntilMillis;

        Entry(AccessToken token, long nowMillis) {
            this.token = token;
            long expires = toMillis(token.expiresAt());
            long margin = Math.min(MAX_EXPIRY_MARGIN_MILLIS, Math.max(0, (expires - nowMillis) / 10));
            this.usableUntilMillis = expires - margin;
            this.refreshAtMillis = Math.min(toMillis(token.refreshAt()), usableUntilMillis);
        }

        private static long toMillis(Instant instant) {
            try {
                return instant.toEpochMilli();
            } catch (ArithmeticException e) {
                return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }
    }

    /** The state of one key: its token, the fetch in flight, and the back-off of failed refreshes. */
    private static final class Slot {
        volatile Entry entry;
        final AtomicReference<CompletableFuture<AccessToken>> inflight = new AtomicReference<>();
        volatile long nextAttemptMillis;
        volatile int failures;
    }
}
