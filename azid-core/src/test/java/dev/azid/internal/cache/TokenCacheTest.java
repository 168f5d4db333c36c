package dev.azid.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.test.LogCapture;
import dev.azid.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenCacheTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final CacheKey key = new CacheKey("id", "tenant", List.of("https://x/.default"), false);
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** A token valid for an hour, due for refresh after 48 minutes. */
    private AccessToken token(String value) {
        Instant now = clock.instant();
        return new AccessToken(value, now.plus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(48)), "Bearer");
    }

    private TokenCache direct() {
        return new TokenCache("Test", clock, Runnable::run);
    }

    /** A fetcher numbering its tokens t1, t2, ... by {@code fetches}. */
    private TokenFetcher numbered(AtomicInteger fetches) {
        return () -> token("t" + fetches.incrementAndGet());
    }

    /** A fetcher that runs {@code onFetch}, then holds until {@code release} before returning t1. */
    private TokenFetcher gated(Runnable onFetch, CountDownLatch release) {
        return () -> {
            onFetch.run();
            await(release);
            return token("t1");
        };
    }

    /** A fetcher counting in {@code fetches} that throws {@code failure} while set, else returns the token {@code value} names. */
    private TokenFetcher failable(AtomicInteger fetches, AtomicReference<RuntimeException> failure, IntFunction<String> value) {
        return () -> {
            int n = fetches.incrementAndGet();
            if (failure.get() != null) {
                throw failure.get();
            }
            return token(value.apply(n));
        };
    }

    @Test
    void getToken_coldCacheWithThousandConcurrentCallers_fetchesOnce() throws Exception {
        TokenCache cache = direct();
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1000);
        TokenFetcher fetcher = gated(fetches::incrementAndGet, release);
        List<Future<AccessToken>> results = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(1000);
        for (int i = 0; i < 1000; i++) {
            results.add(callers.submit(() -> {
                started.countDown();
                return cache.getToken(key, false, fetcher);
            }));
        }
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        Set<String> tokens = ConcurrentHashMap.newKeySet();
        for (Future<AccessToken> f : results) {
            tokens.add(f.get(30, TimeUnit.SECONDS).token());
        }
        callers.shutdown();
        assertThat(fetches).hasValue(1);
        assertThat(tokens).containsExactly("t1");
    }

    @Test
    void getTokenAsync_coldCacheWithThousandCallers_fetchesOnce() throws Exception {
        TokenCache cache = new TokenCache("Test", clock, pool);
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        TokenFetcher fetcher = gated(fetches::incrementAndGet, release);
        List<CompletableFuture<AccessToken>> futures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            futures.add(cache.getTokenAsync(key, false, fetcher));
        }
        assertThat(futures).noneMatch(CompletableFuture::isDone);
        release.countDown();
        for (CompletableFuture<AccessToken> f : futures) {
            assertThat(f.get(30, TimeUnit.SECONDS).token()).isEqualTo("t1");
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void getToken_freshToken_returnsCachedWithoutFetching() {
        TokenCache cache = direct();
        AtomicInteger fetches = new AtomicInteger();
        TokenFetcher fetcher = numbered(fetches);
        cache.getToken(key, false, fetcher);
        clock.advance(Duration.ofMinutes(47));
        assertThat(cache.getToken(key, false, fetcher).token()).isEqualTo("t1");
        assertThat(cache.getTokenAsync(key, false, fetcher)).isCompletedWithValueMatching(t -> t.token().equals("t1"));
        assertThat(fetches).hasValue(1);
    }

    @Test
    void getToken_staleToken_returnsCachedAndRefreshesInBackground() {
        TokenCache cache = direct();
        AtomicInteger fetches = new AtomicInteger();
        TokenFetcher fetcher = numbered(fetches);
        cache.getToken(key, false, fetcher);
        clock.advance(Duration.ofMinutes(50));
        // The direct executor runs the background refresh inline; the caller still gets the token it found.
        assertThat(cache.getToken(key, false, fetcher).token()).isEqualTo("t1");
        assertThat(fetches).hasValue(2);
        assertThat(cache.getToken(key, false, fetcher).token()).isEqualTo("t2");
    }

    @Test
    void getToken_refreshFailsWhileTokenValid_servesCachedTokenAndBacksOff() {
        TokenCache cache = direct();
        AtomicInteger fetches = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        TokenFetcher fetcher = failable(fetches, failure, n -> "t" + n);
        cache.getToken(key, false, fetcher);
        failure.set(new AuthenticationFailedException("Test: outage"));
        clock.advance(Duration.ofMinutes(50));

        assertThat(cache.getToken(key, false, fetcher).token()).isEqualTo("t1");
        assertThat(fetches).hasValue(2);
        assertThat(logs.all()).contains("refreshing a cached token failed", "Test: outage");

        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.getToken(key, false, fetcher).token()).isEqualTo("t1");
        assertThat(fetches).as("no retry before the 30 s back-off").hasValue(2);

        clock.advance(Duration.ofSeconds(2));
        assertThat(cache.getToken(key, false, fetcher).token()).isEqualTo("t1");
        assertThat(fetches).as("retried after the back-off").hasValue(3);

        clock.advance(Duration.ofSeconds(31));
        cache.getToken(key, false, fetcher);
        assertThat(fetches).as("second back-off is 60 s").hasValue(3);

        failure.set(null);
        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.getToken(key, false, fetcher).token()).isEqualTo("t1");
        assertThat(cache.getToken(key, false, fetcher).token()).isEqualTo("t4");
    }

    @Test
    void getToken_outageUntilExpiry_neverReturnsExpiredToken() {
        TokenCache cache = direct();
        AtomicInteger fetches = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        TokenFetcher fetcher = failable(fetches, failure, n -> "t1");
        cache.getToken(key, false, fetcher);
        failure.set(new AuthenticationFailedException("Test: outage"));
        clock.advance(Duration.ofMinutes(59).plusSeconds(31));
        assertThatThrownBy(() -> cache.getToken(key, false, fetcher))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage("Test: outage");
        assertThat(cache.getTokenAsync(key, false, fetcher)).isCompletedExceptionally();
    }

    @Test
    void getToken_forceRefresh_fetchesEvenWhenFreshAndReplacesEntry() {
        TokenCache cache = direct();
        AtomicInteger fetches = new AtomicInteger();
        TokenFetcher fetcher = numbered(fetches);
        cache.getToken(key, false, fetcher);
        assertThat(cache.getToken(key, true, fetcher).token()).isEqualTo("t2");
        assertThat(cache.getToken(key, false, fetcher).token()).isEqualTo("t2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void getToken_differentKeys_fetchSeparately() {
        TokenCache cache = direct();
        AtomicInteger fetches = new AtomicInteger();
        TokenFetcher fetcher = numbered(fetches);
        cache.getToken(key, false, fetcher);
        cache.getToken(new CacheKey("id", "other", key.scopes(), false), false, fetcher);
        cache.getToken(new CacheKey("id", "tenant", key.scopes(), true), false, fetcher);
        cache.getToken(new CacheKey("id2", "tenant", key.scopes(), false), false, fetcher);
        assertThat(fetches).hasValue(4);
    }

    @Test
    void getToken_interruptedWhileWaitingForAnotherFetch_throwsCancellationAndKeepsFlag() throws Exception {
        TokenCache cache = direct();
        CountDownLatch inFetch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TokenFetcher slow = gated(inFetch::countDown, release);
        Future<AccessToken> leader = pool.submit(() -> cache.getToken(key, false, slow));
        assertThat(inFetch.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                cache.getToken(key, false, slow);
            } catch (Throwable t) {
                thrown.set(t);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        waiter.join(10_000);
        assertThat(thrown.get()).isInstanceOf(CancellationException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(flag.get()).isTrue();
        release.countDown();
        assertThat(leader.get(10, TimeUnit.SECONDS).token()).isEqualTo("t1");
    }

    @Test
    void getTokenAsync_fetchFails_completesExceptionallyWithTheFailure() {
        TokenCache cache = direct();
        CompletableFuture<AccessToken> f = cache.getTokenAsync(key, false, () -> {
            throw new AuthenticationFailedException("Test: refused");
        });
        assertThatThrownBy(f::join).hasCauseInstanceOf(AuthenticationFailedException.class)
                .hasRootCauseMessage("Test: refused");
    }

    @Test
    void getToken_bugInFetcher_propagatesUnchanged() {
        TokenCache cache = direct();
        assertThatThrownBy(() -> cache.getToken(key, false, () -> {
            throw new NullPointerException("bug");
        })).isInstanceOf(NullPointerException.class).hasMessage("bug");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
