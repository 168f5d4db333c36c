package dev.azid.internal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.SharedTokenStore;
import dev.azid.internal.cache.CacheKey;
import dev.azid.internal.cache.SecondLevel;
import dev.azid.internal.cache.TokenFetcher;
import dev.azid.test.LogCapture;
import dev.azid.test.MemoryTokenStore;
import dev.azid.test.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared level's protocol over an in-memory store: reuse, lease, wait, fail open, sealing. */
class SharedTierTest {

    private static final String SECRET_TOKEN = "eyJ0eXAiOiJKV1QifQ.secret-access-token-value.sig";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final MemoryTokenStore store = new MemoryTokenStore(clock, false);
    private final AtomicLong nanos = new AtomicLong();
    private final byte[] appKey = new byte[32];
    private final CacheKey key = new CacheKey("ClientSecretCredential|login.example|client-1|fp", "tenant-1",
            List.of("https://vault.example/.default"), false);
    private final AtomicInteger fetches = new AtomicInteger();

    SharedTierTest() {
        new SecureRandom().nextBytes(appKey);
    }

    private SharedTokens shared(Duration maxWait) {
        return new SharedTokens(store, appKey, Duration.ofSeconds(30), maxWait, null, nanos::get);
    }

    private SecondLevel level(SharedTokens shared) {
        return shared.level("TestCredential", clock, false);
    }

    private TokenFetcher fetcher(String value) {
        return () -> {
            fetches.incrementAndGet();
            return new AccessToken(value, clock.instant().plus(Duration.ofHours(1)),
                    clock.instant().plus(Duration.ofMinutes(48)), "Bearer");
        };
    }

    private static TokenFetcher mustNotFetch() {
        return () -> {
            throw new AssertionError("must not fetch");
        };
    }

    @Test
    void fetch_emptyStore_fetchesOnceAndStoresASealedToken() {
        AccessToken t = level(shared(Duration.ofSeconds(5))).fetch(key, fetcher(SECRET_TOKEN));
        assertThat(t.token()).isEqualTo(SECRET_TOKEN);
        assertThat(fetches).hasValue(1);
        assertThat(store.snapshot()).hasSize(1);
        String name = store.snapshot().keySet().iterator().next();
        assertThat(name).matches("[0-9a-f]{64}");
        String stored = new String(store.snapshot().get(name), StandardCharsets.ISO_8859_1);
        assertThat(stored).startsWith("AZIDST1S").doesNotContain(SECRET_TOKEN).doesNotContain("secret-access-token")
                .doesNotContain("tenant-1").doesNotContain("vault.example").doesNotContain("client-1");
    }

    @Test
    void fetch_freshTokenStoredByAnotherProcess_isReturnedWithoutFetching() {
        level(shared(Duration.ofSeconds(5))).fetch(key, fetcher("first"));
        AccessToken second = level(shared(Duration.ofSeconds(5))).fetch(key, mustNotFetch());
        assertThat(second.token()).isEqualTo("first");
        assertThat(second.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(second.refreshAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(48)));
    }

    @Test
    void fetch_storedTokenDueForRefresh_fetchesANewOneAndStoresIt() {
        SecondLevel level = level(shared(Duration.ofSeconds(5)));
        level.fetch(key, fetcher("first"));
        clock.advance(Duration.ofMinutes(49));
        assertThat(level.fetch(key, fetcher("second")).token()).isEqualTo("second");
        assertThat(level(shared(Duration.ofSeconds(5))).fetch(key, mustNotFetch()).token()).isEqualTo("second");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void fetch_leaseHeldByAnotherProcess_waitsForItsToken() throws Exception {
        SharedTokens shared = shared(Duration.ofSeconds(20));
        String name = shared.name(key);
        SharedTokenStore.Lease other = store.holdLease(name, Duration.ofSeconds(30));
        // Its own thread: the common pool can be busy with other tests' work on a 2-core machine.
        java.util.concurrent.ExecutorService own = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<AccessToken> waiting = CompletableFuture.supplyAsync(
                    () -> level(shared).fetch(key, mustNotFetch()), own);
            AccessToken theirs = AccessToken.of("theirs", clock.instant().plus(Duration.ofHours(1)));
            store.put(name, shared.seal().seal(name, theirs), theirs.expiresAt());
            other.release();
            assertThat(waiting.get(30, TimeUnit.SECONDS).token()).isEqualTo("theirs");
        } finally {
            own.shutdownNow();
        }
    }

    @Test
    void fetch_leaseHolderNeverAnswers_fetchesItselfAfterTheWait() {
        SharedTokens shared = shared(Duration.ofMillis(100));
        store.holdLease(shared.name(key), Duration.ofSeconds(30));
        long start = System.nanoTime();
        assertThat(level(shared).fetch(key, fetcher("mine")).token()).isEqualTo("mine");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(fetches).hasValue(1);
        assertThat(store.puts).hasValue(1);
    }

    @Test
    void fetch_leaseOfAHolderThatDied_isTakenOverWhenItExpires() {
        SharedTokens shared = shared(Duration.ofSeconds(5));
        store.holdLease(shared.name(key), Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(31));
        assertThat(level(shared).fetch(key, fetcher("mine")).token()).isEqualTo("mine");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void fetch_fetcherFails_releasesTheLeaseAndPropagates() throws IOException {
        SharedTokens shared = shared(Duration.ofSeconds(5));
        assertThatThrownBy(() -> level(shared).fetch(key, () -> {
            throw new AuthenticationFailedException("TestCredential: refused.");
        })).isInstanceOf(AuthenticationFailedException.class).hasMessage("TestCredential: refused.");
        assertThat(store.tryLease(shared.name(key), Duration.ofSeconds(1))).isPresent();
        assertThat(store.snapshot()).isEmpty();
    }

    @Test
    void fetch_storeDown_fetchesItselfWarnsOnceAndRejoinsWhenItWorks() {
        SharedTokens shared = shared(Duration.ofSeconds(5));
        store.failWith(new IOException("connection refused"));
        for (int i = 0; i < 5; i++) {
            assertThat(level(shared).fetch(key, fetcher("own-" + i)).token()).isEqualTo("own-" + i);
        }
        assertThat(fetches).hasValue(5);
        assertThat(store.calls).as("left alone during the pause").hasValue(1);
        assertThat(logs.lines()).filteredOn(l -> l.contains("WARN")).hasSize(1).first().asString()
                .contains("TestCredential: the shared token cache MemoryTokenStore failed (IOException: connection refused)")
                .contains("each process fetches its own tokens");

        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        store.failWith((IOException) null);
        assertThat(level(shared).fetch(key, fetcher("shared")).token()).isEqualTo("shared");
        assertThat(store.snapshot()).hasSize(1);
        assertThat(logs.all()).contains("works again");
        assertThat(level(shared).fetch(key, mustNotFetch()).token()).isEqualTo("shared");
    }

    @Test
    void fetch_storeThrowsRuntimeException_neverFailsTheCall() {
        store.failWith(new IllegalStateException("client bug"));
        assertThat(level(shared(Duration.ofSeconds(5))).fetch(key, fetcher("own")).token()).isEqualTo("own");
        assertThat(logs.all()).contains("IllegalStateException: client bug");
    }

    @Test
    void fetch_garbageEntry_isIgnoredReplacedAndWarnedOnce() throws Exception {
        SharedTokens shared = shared(Duration.ofSeconds(5));
        String name = shared.name(key);
        store.putRaw(name, "not a token".getBytes(StandardCharsets.UTF_8));
        assertThat(level(shared).fetch(key, fetcher("fresh")).token()).isEqualTo("fresh");
        assertThat(shared.seal().open(name, store.snapshot().get(name)).token()).isEqualTo("fresh");
        store.putRaw(name, new byte[] {1, 2, 3});
        level(shared).fetch(key, fetcher("again"));
        assertThat(logs.lines()).filteredOn(l -> l.contains("WARN") && l.contains("cannot open")).hasSize(1);
    }

    @Test
    void fetch_entryCopiedFromAnotherKey_doesNotOpen() {
        SharedTokens shared = shared(Duration.ofSeconds(5));
        level(shared).fetch(key, fetcher("for-vault"));
        CacheKey other = new CacheKey(key.identity(), key.tenant(), List.of("https://graph.example/.default"), false);
        store.putRaw(shared.name(other), store.snapshot().get(shared.name(key)));
        assertThat(level(shared).fetch(other, fetcher("for-graph")).token()).isEqualTo("for-graph");
    }

    @Test
    void fetch_clearTextEntryPlantedForAnEncryptingCache_isRefused() {
        SharedTokens shared = shared(Duration.ofSeconds(5));
        String name = shared.name(key);
        store.putRaw(name, new TokenSeal(null).seal(name, AccessToken.of("planted", clock.instant().plus(Duration.ofHours(1)))));
        assertThat(level(shared).fetch(key, fetcher("real")).token()).isEqualTo("real");
    }

    @Test
    void fetch_entryClaimingAnImpossibleLifetime_isIgnoredNotHandedToTheCache() {
        SharedTokens shared = shared(Duration.ofSeconds(5));
        String name = shared.name(key);
        store.putRaw(name, shared.seal().seal(name, AccessToken.of("forever", clock.instant().plus(Duration.ofDays(3650)))));
        assertThat(level(shared).fetch(key, fetcher("real")).token()).isEqualTo("real");
        assertThat(logs.all()).contains("an expiry beyond any token's lifetime");
    }

    @Test
    void fetch_clearTextAllowed_storesJsonBehindAMarker() {
        SharedTokens clear = new SharedTokens(store, null, Duration.ofSeconds(30), Duration.ofSeconds(5), null, nanos::get);
        level(clear).fetch(key, fetcher("visible"));
        assertThat(new String(store.snapshot().values().iterator().next(), StandardCharsets.UTF_8)).startsWith("AZIDST1P{");
        assertThat(level(clear).fetch(key, mustNotFetch()).token()).isEqualTo("visible");
        assertThat(clear.encrypts()).isFalse();
    }

    @Test
    void fetch_storedEntryExpiresWithItsToken() throws IOException {
        level(shared(Duration.ofSeconds(5))).fetch(key, fetcher("t"));
        clock.advance(Duration.ofHours(1));
        assertThat(store.get(shared(Duration.ofSeconds(5)).name(key))).isEmpty();
    }

    @Test
    void level_hostBoundIdentity_isSharedOnlyThroughAHostLocalStore() {
        assertThat(shared(Duration.ofSeconds(5)).level("ManagedIdentityCredential", clock, true))
                .isInstanceOf(SecondLevel.NotShared.class);
        SharedTokens local = new SharedTokens(new MemoryTokenStore(clock, true), appKey, Duration.ofSeconds(30),
                Duration.ofSeconds(5), null, nanos::get);
        assertThat(local.level("ManagedIdentityCredential", clock, true)).isInstanceOf(SharedLevel.class);
        assertThat(shared(Duration.ofSeconds(5)).level("ClientSecretCredential", clock, false)).isInstanceOf(SharedLevel.class);
    }

    @Test
    void name_dependsOnEveryPartOfTheKeyAndTheApplicationKey_notOnScopeOrder() {
        SharedTokens shared = shared(Duration.ofSeconds(5));
        CacheKey two = new CacheKey("id", "t", List.of("a", "b"), false);
        assertThat(shared.name(two)).isEqualTo(shared.name(new CacheKey("id", "t", List.of("b", "a"), false)));
        assertThat(List.of(shared.name(two), shared.name(new CacheKey("id2", "t", List.of("a", "b"), false)),
                shared.name(new CacheKey("id", "t2", List.of("a", "b"), false)),
                shared.name(new CacheKey("id", "t", List.of("a"), false)),
                shared.name(new CacheKey("id", "t", List.of("a", "b"), true)),
                shared.name(new CacheKey("id", "t", List.of("a|b"), false)))).doesNotHaveDuplicates();
        byte[] otherKey = appKey.clone();
        otherKey[0] ^= 1;
        assertThat(new SharedTokens(store, otherKey, Duration.ofSeconds(30), Duration.ofSeconds(5), null, nanos::get)
                .name(two)).isNotEqualTo(shared.name(two));
        assertThat(shared.toString()).doesNotContain(java.util.HexFormat.of().formatHex(appKey)).contains("encrypted=true");
    }
}
