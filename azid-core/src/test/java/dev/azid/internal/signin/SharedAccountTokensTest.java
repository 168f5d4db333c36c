package dev.azid.internal.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.AccessToken;
import dev.azid.AuthenticationRequiredException;
import dev.azid.TokenRequestContext;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.cache.SecondLevel;
import dev.azid.internal.oauth2.UserTokenResult;
import dev.azid.internal.shared.SharedTokens;
import dev.azid.test.LogCapture;
import dev.azid.test.MemoryTokenStore;
import dev.azid.test.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** User tokens in the shared level: keyed by the account, never read for an unknown one, never under the wrong one. */
class SharedAccountTokensTest {

    private static final URI HOST = URI.create("https://login.example");
    private static final String ALICE = "a11ce.tenant-1";
    private static final String BOB = "b0b.tenant-1";
    private static final String REFRESH = "refresh-token-never-shared";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final MemoryTokenStore store = new MemoryTokenStore(clock, false);
    private final SecondLevel level;
    private final SharedAccountTokens tokens;
    private final AtomicInteger obtained = new AtomicInteger();
    private final ResolvedRequest graph = resolved(TokenRequestContext.of("https://graph.example/.default"));

    SharedAccountTokensTest() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        level = new SharedTokens(store, key, Duration.ofSeconds(30), Duration.ofSeconds(5), null).level("Test", clock, false);
        tokens = new SharedAccountTokens(level, HOST, "client-1");
    }

    private static ResolvedRequest resolved(TokenRequestContext request) {
        return new ResolvedRequest("tenant-1", request.scopes(), request);
    }

    private Supplier<UserTokenResult> signIn(String account, String token) {
        return () -> {
            obtained.incrementAndGet();
            return result(account, token, clock.instant().plus(Duration.ofHours(1)));
        };
    }

    private static Supplier<UserTokenResult> mustNotSignIn() {
        return () -> {
            throw new AssertionError("must not sign in");
        };
    }

    private static UserTokenResult result(String account, String token, java.time.Instant expiresAt) {
        return new UserTokenResult(new AccessToken(token, expiresAt, expiresAt.minus(Duration.ofMinutes(12)), "Bearer"), REFRESH,
                "user@example", account, "tenant-1");
    }

    @Test
    void fetch_knownAccount_anotherProcessIsServedFromTheStore() {
        assertThat(tokens.fetch(graph, ALICE, signIn(ALICE, "alice-token")).token()).isEqualTo("alice-token");
        SharedAccountTokens otherProcess = new SharedAccountTokens(level, HOST, "client-1");
        assertThat(otherProcess.fetch(graph, ALICE, mustNotSignIn()).token()).isEqualTo("alice-token");
        assertThat(obtained).hasValue(1);
        logs.assertNoSecrets("alice-token", REFRESH);
    }

    @Test
    void fetch_otherAccountOrOtherClient_isNotServedTheToken() {
        tokens.fetch(graph, ALICE, signIn(ALICE, "alice-token"));
        assertThat(tokens.fetch(graph, BOB, signIn(BOB, "bob-token")).token()).isEqualTo("bob-token");
        assertThat(new SharedAccountTokens(level, HOST, "client-2").fetch(graph, ALICE, signIn(ALICE, "client-2-token"))
                .token()).isEqualTo("client-2-token");
        assertThat(new SharedAccountTokens(level, URI.create("https://login.other"), "client-1")
                .fetch(graph, ALICE, signIn(ALICE, "other-cloud-token")).token()).isEqualTo("other-cloud-token");
        assertThat(tokens.fetch(graph, ALICE, mustNotSignIn()).token()).isEqualTo("alice-token");
        assertThat(obtained).hasValue(4);
    }

    @Test
    void fetch_unknownAccount_neverReadsTheStoreButPublishesUnderTheSignedInAccount() {
        tokens.fetch(graph, ALICE, signIn(ALICE, "alice-token"));
        int calls = store.calls.get();
        assertThat(tokens.fetch(graph, null, signIn(ALICE, "alice-new")).token()).isEqualTo("alice-new");
        assertThat(tokens.fetch(graph, " ", signIn(ALICE, "alice-newer")).token()).as("blank is unknown").isEqualTo("alice-newer");
        assertThat(store.calls.get() - calls).as("one write each, no read").isEqualTo(2);
        assertThat(tokens.fetch(graph, ALICE, mustNotSignIn()).token()).isEqualTo("alice-newer");
    }

    @Test
    void fetch_resultNamesNoAccount_isNeverWritten() {
        assertThat(tokens.fetch(graph, null, signIn(null, "anonymous")).token()).isEqualTo("anonymous");
        assertThat(tokens.fetch(graph, ALICE, signIn("", "blank-account")).token()).isEqualTo("blank-account");
        assertThat(store.snapshot()).isEmpty();
    }

    @Test
    void fetch_signedInAsAnotherAccount_publishedOnlyUnderThatAccount() {
        assertThat(tokens.fetch(graph, BOB, signIn(ALICE, "alice-token")).token()).isEqualTo("alice-token");
        assertThat(tokens.fetch(graph, BOB, signIn(BOB, "bob-token")).token()).as("Bob's key stayed empty")
                .isEqualTo("bob-token");
        assertThat(tokens.fetch(graph, ALICE, mustNotSignIn()).token()).isEqualTo("alice-token");
        assertThat(store.snapshot()).hasSize(2);
    }

    @Test
    void fetch_claims_neitherReadsNorPublishes() {
        tokens.fetch(graph, ALICE, signIn(ALICE, "alice-token"));
        int calls = store.calls.get();
        ResolvedRequest challenge = resolved(TokenRequestContext.builder().scopes("https://graph.example/.default")
                .claims("{\"access_token\":{\"nbf\":{\"essential\":true}}}").build());
        assertThat(tokens.fetch(challenge, ALICE, signIn(ALICE, "claims-token")).token()).isEqualTo("claims-token");
        tokens.offer(challenge, result(ALICE, "offered-claims-token", clock.instant().plus(Duration.ofHours(1))));
        assertThat(store.calls.get()).isEqualTo(calls);
        assertThat(tokens.fetch(graph, ALICE, mustNotSignIn()).token()).isEqualTo("alice-token");
    }

    @Test
    void fetch_signInFails_failureSurfacesUnchangedAndNothingIsStored() {
        AuthenticationRequiredException required = new AuthenticationRequiredException(
                "Test: the user must sign in. Call authenticate().", graph.request());
        assertThatThrownBy(() -> tokens.fetch(graph, ALICE, () -> {
            throw required;
        })).isSameAs(required);
        assertThat(store.snapshot()).isEmpty();
        assertThat(tokens.fetch(graph, ALICE, signIn(ALICE, "alice-token")).token()).isEqualTo("alice-token");
    }

    @Test
    void offer_unusableTokenOrFailingStore_writesNothingAndNeverThrows() {
        tokens.offer(graph, result(ALICE, "expired", clock.instant().minusSeconds(1)));
        tokens.offer(graph, result(ALICE, "forever", clock.instant().plus(Duration.ofDays(400))));
        assertThat(store.snapshot()).isEmpty();
        store.failWith(new IOException("store down"));
        tokens.offer(graph, result(ALICE, "alice-token", clock.instant().plus(Duration.ofHours(1))));
        assertThat(logs.all()).contains("store down").doesNotContain("alice-token").doesNotContain(REFRESH);
    }
}
