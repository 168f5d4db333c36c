package dev.azid.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.CredentialUnavailableException;
import dev.azid.TokenRequestContext;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachedTokenSourceTest {

    private static final String SCOPE = "https://x/.default";

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final RecordingExecutor executor = new RecordingExecutor();
    private final TokenCache cache = new TokenCache("Test", clock, executor);
    private final List<ResolvedRequest> fetched = new CopyOnWriteArrayList<>();
    private final List<String> fetchThreads = new CopyOnWriteArrayList<>();
    private final AtomicInteger serial = new AtomicInteger();

    /** Any scope without a space; only the configured tenant or "allowed" may be requested. */
    private final CachedTokenSource.ScopeRule scopeRule = scopes -> {
        for (String s : scopes) {
            if (s.contains(" ")) {
                throw new IllegalArgumentException("Test: scope '" + s + "' is refused.");
            }
        }
        return scopes;
    };
    private final CachedTokenSource.TenantRule tenantRule = requested -> {
        if (requested == null) {
            return "home";
        }
        if (!requested.equals("allowed")) {
            throw new AuthenticationFailedException("Test: tenant '" + requested + "' is not allowed.");
        }
        return requested;
    };

    @AfterEach
    void stop() {
        executor.close();
    }

    private AccessToken fetch(ResolvedRequest r) {
        fetched.add(r);
        fetchThreads.add(Thread.currentThread().getName());
        return new AccessToken("t" + serial.incrementAndGet(), clock.instant().plus(Duration.ofHours(1)),
                clock.instant().plus(Duration.ofMinutes(48)), "Bearer");
    }

    private CachedTokenSource source() {
        return new CachedTokenSource(cache, "id", scopeRule, tenantRule, this::fetch);
    }

    @Test
    void getToken_noTenantRequested_fetchesWithTheRulesTenantAndCheckedScopes() {
        AccessToken t = source().getToken(TokenRequestContext.of(SCOPE));
        assertThat(t.token()).isEqualTo("t1");
        assertThat(fetched).singleElement().satisfies(r -> {
            assertThat(r.tenant()).isEqualTo("home");
            assertThat(r.scopes()).containsExactly(SCOPE);
        });
    }

    @Test
    void getToken_allowedTenant_fetchesInItAndCachesItApartFromTheHomeTenant() {
        CachedTokenSource s = source();
        s.getToken(TokenRequestContext.of(SCOPE));
        AccessToken other = s.getToken(TokenRequestContext.of(SCOPE).withTenantId("allowed"));
        assertThat(other.token()).isEqualTo("t2");
        assertThat(fetched).extracting(ResolvedRequest::tenant).containsExactly("home", "allowed");
        assertThat(s.getToken(TokenRequestContext.of(SCOPE).withTenantId("allowed")).token()).isEqualTo("t2");
        assertThat(fetched).hasSize(2);
    }

    @Test
    void getToken_scopeRuleNormalises_normalisedScopesAreFetchedAndShareOneToken() {
        CachedTokenSource s = new CachedTokenSource(cache, "id", scopes -> List.of(scopes.get(0).replace("/.default", "")),
                tenantRule, this::fetch);
        s.getToken(TokenRequestContext.of("https://x"));
        s.getToken(TokenRequestContext.of("https://x/.default"));
        assertThat(fetched).singleElement().satisfies(r -> assertThat(r.scopes()).containsExactly("https://x"));
    }

    @Test
    void getTokenAndAsync_refusedScopeTenantOrRefusal_nothingFetchedNothingSubmitted() {
        CachedTokenSource s = source().refusing(r -> {
            if (r.scopes().contains("https://tool-cannot")) {
                throw new CredentialUnavailableException("Test: refused.");
            }
        });
        TokenRequestContext badScope = TokenRequestContext.of("bad scope");
        TokenRequestContext badTenant = TokenRequestContext.of(SCOPE).withTenantId("elsewhere");
        TokenRequestContext refused = TokenRequestContext.of("https://tool-cannot");
        assertThatThrownBy(() -> s.getToken(badScope)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Test: scope 'bad scope' is refused.");
        assertThatThrownBy(() -> s.getToken(badTenant)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("Test: tenant 'elsewhere' is not allowed.");
        assertThatThrownBy(() -> s.getToken(refused)).isInstanceOf(CredentialUnavailableException.class);
        for (TokenRequestContext r : List.of(badScope, badTenant, refused)) {
            CompletableFuture<AccessToken> f = s.getTokenAsync(r);
            assertThat(f).as("a refused request fails the future at once, without throwing").isCompletedExceptionally();
        }
        assertThat(fetched).isEmpty();
        assertThat(executor.submissions()).isZero();
    }

    @Test
    void getTokenAsync_cacheHit_completedOnTheCallingThreadWithoutTheExecutor() {
        CachedTokenSource s = source();
        AccessToken first = s.getToken(TokenRequestContext.of(SCOPE));
        CompletableFuture<AccessToken> f = s.getTokenAsync(TokenRequestContext.of(SCOPE));
        assertThat(f).isDone();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        f.thenRun(() -> ranOn.set(Thread.currentThread()));
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(f.join()).isSameAs(first);
        assertThat(executor.submissions()).isZero();
        assertThat(fetched).hasSize(1);
    }

    @Test
    void getTokenAsync_cacheMiss_fetchRunsOnTheExecutor() throws Exception {
        AccessToken t = source().getTokenAsync(TokenRequestContext.of(SCOPE)).get(10, TimeUnit.SECONDS);
        assertThat(t.token()).isEqualTo("t1");
        assertThat(executor.submissions()).isEqualTo(1);
        assertThat(fetchThreads).singleElement().asString().startsWith(RecordingExecutor.THREAD_PREFIX);
    }

    @Test
    void getTokenAndAsync_claims_bypassTheCacheAndReplaceTheCachedToken() throws Exception {
        CachedTokenSource s = source();
        s.getToken(TokenRequestContext.of(SCOPE));
        TokenRequestContext challenged = TokenRequestContext.builder().scopes(SCOPE).claims("{\"a\":1}").build();
        assertThat(s.getToken(challenged).token()).isEqualTo("t2");
        assertThat(s.getToken(TokenRequestContext.of(SCOPE)).token()).as("the claims token replaced the cached one")
                .isEqualTo("t2");
        CompletableFuture<AccessToken> f = s.getTokenAsync(challenged);
        assertThat(f.get(10, TimeUnit.SECONDS).token()).isEqualTo("t3");
        assertThat(fetched).extracting(ResolvedRequest::claims).containsExactly(null, "{\"a\":1}", "{\"a\":1}");
        assertThat(fetchThreads.get(2)).as("the async claims fetch ran on the executor")
                .startsWith(RecordingExecutor.THREAD_PREFIX);
    }

    @Test
    void getToken_caeFlag_keptApartUnlessIgnored() {
        TokenRequestContext cae = TokenRequestContext.builder().scopes(SCOPE).enableCae(true).build();
        CachedTokenSource s = source();
        s.getToken(TokenRequestContext.of(SCOPE));
        s.getToken(cae);
        assertThat(fetched).hasSize(2);
        assertThat(fetched.get(1).enableCae()).isTrue();
        CachedTokenSource ignoring = new CachedTokenSource(new TokenCache("Test", clock, executor), "id", scopeRule,
                tenantRule, this::fetch).ignoringCae();
        ignoring.getToken(TokenRequestContext.of(SCOPE));
        ignoring.getToken(cae);
        assertThat(fetched).hasSize(3);
    }

    @Test
    void getTokenAsync_concurrentMissesOnAColdCache_shareOneFetch() throws Exception {
        GatedFetch gate = new GatedFetch();
        CachedTokenSource s = new CachedTokenSource(cache, "id", scopeRule, tenantRule, gate);
        List<CompletableFuture<AccessToken>> futures = new ArrayList<>();
        futures.add(s.getTokenAsync(TokenRequestContext.of(SCOPE)));
        assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 50; i++) {
            futures.add(s.getTokenAsync(TokenRequestContext.of(SCOPE)));
        }
        assertThat(futures).as("all wait for the one fetch in flight").noneMatch(CompletableFuture::isDone);
        gate.release.countDown();
        for (CompletableFuture<AccessToken> f : futures) {
            assertThat(f.get(10, TimeUnit.SECONDS).token()).isEqualTo("t1");
        }
        assertThat(gate.fetches).hasValue(1);
        assertThat(executor.submissions()).isEqualTo(1);
    }

    @Test
    void getToken_concurrentSyncAndAsyncCallers_shareOneFetch() throws Exception {
        GatedFetch gate = new GatedFetch();
        CachedTokenSource s = new CachedTokenSource(cache, "id", scopeRule, tenantRule, gate);
        CompletableFuture<AccessToken> async = s.getTokenAsync(TokenRequestContext.of(SCOPE));
        assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
        List<Thread> callers = new ArrayList<>();
        List<AccessToken> results = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(8);
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                started.countDown();
                results.add(s.getToken(TokenRequestContext.of(SCOPE)));
            });
            t.start();
            callers.add(t);
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        gate.release.countDown();
        for (Thread t : callers) {
            t.join(10_000);
        }
        assertThat(results).hasSize(8).allSatisfy(t -> assertThat(t.token()).isEqualTo("t1"));
        assertThat(async.get(10, TimeUnit.SECONDS).token()).isEqualTo("t1");
        assertThat(gate.fetches).hasValue(1);
    }

    @Test
    void getTokenAsync_fetchFails_futureFailsWithTheProtocolsException() {
        CachedTokenSource s = new CachedTokenSource(cache, "id", scopeRule, tenantRule, r -> {
            throw new AuthenticationFailedException("Test: refused by the server.");
        });
        CompletableFuture<AccessToken> f = s.getTokenAsync(TokenRequestContext.of(SCOPE));
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(AuthenticationFailedException.class).hasMessage("Test: refused by the server.");
    }

    @Test
    void resolve_appliesTheRulesWithoutFetching() {
        ResolvedRequest r = source().resolve(TokenRequestContext.of(SCOPE).withTenantId("allowed"));
        assertThat(r.tenant()).isEqualTo("allowed");
        assertThat(r.scope()).isEqualTo(SCOPE);
        assertThat(fetched).isEmpty();
        assertThatThrownBy(() -> source().resolve(TokenRequestContext.of("bad scope")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A fetch that signals when it starts and then holds until released, counting its calls. */
    private final class GatedFetch implements CachedTokenSource.Protocol {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger fetches = new AtomicInteger();

        @Override
        public AccessToken fetch(ResolvedRequest r) {
            fetches.incrementAndGet();
            entered.countDown();
            awaitLatch(release);
            return CachedTokenSourceTest.this.fetch(r);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
