package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The chain's asynchronous path: members are tried through their own getTokenAsync, never on a hop. */
class ChainedTokenCredentialAsyncTest {

    private static final TokenRequestContext REQUEST = TokenRequestContext.of("https://x/.default");
    private static final AccessToken TOKEN = AccessToken.of("from-b", Instant.parse("2030-01-01T00:00:00Z"));

    /** A member whose async answer is given, recording the threads it was asked on. */
    private static final class Member implements TokenCredential {
        private final CompletableFuture<AccessToken> answer;
        private final List<Thread> askedOn = new ArrayList<>();

        Member(CompletableFuture<AccessToken> answer) {
            this.answer = answer;
        }

        @Override
        public AccessToken getToken(TokenRequestContext request) {
            try {
                return answer.join();
            } catch (CompletionException e) {
                throw (RuntimeException) e.getCause();
            }
        }

        @Override
        public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
            askedOn.add(Thread.currentThread());
            return answer;
        }
    }

    @Test
    void getTokenAsync_unavailableThenCachedMember_completesAtOnceOnTheCallingThread() {
        Member a = new Member(CompletableFuture.failedFuture(new CredentialUnavailableException("A: not here")));
        Member b = new Member(CompletableFuture.completedFuture(TOKEN));
        ChainedTokenCredential chain = ChainedTokenCredential.builder().addLast(a).addLast(b).build();
        CompletableFuture<AccessToken> f = chain.getTokenAsync(REQUEST);
        assertThat(f).isDone();
        assertThat(f.join()).isSameAs(TOKEN);
        assertThat(a.askedOn).containsExactly(Thread.currentThread());
        assertThat(b.askedOn).containsExactly(Thread.currentThread());
        assertThat(chain.selectedCredential()).contains(b);
    }

    @Test
    void getTokenAsync_memberStillFetching_chainWaitsWithoutBlockingTheCaller() throws Exception {
        CompletableFuture<AccessToken> pending = new CompletableFuture<>();
        Member a = new Member(pending);
        Member b = new Member(CompletableFuture.completedFuture(TOKEN));
        ChainedTokenCredential chain = ChainedTokenCredential.builder().addLast(a).addLast(b).build();
        CompletableFuture<AccessToken> f = chain.getTokenAsync(REQUEST);
        assertThat(f).isNotDone();
        assertThat(b.askedOn).isEmpty();
        CountDownLatch done = new CountDownLatch(1);
        f.whenComplete((t, e) -> done.countDown());
        new Thread(() -> pending.completeExceptionally(new CredentialUnavailableException("A: gave up"))).start();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(f.join()).isSameAs(TOKEN);
    }

    @Test
    void getTokenAsync_failedMember_stopsTheChainWithTheSameMessageAsGetToken() {
        Member a = new Member(CompletableFuture.failedFuture(new CredentialUnavailableException("A: not here")));
        Member b = new Member(CompletableFuture.failedFuture(new AuthenticationFailedException("B: refused")));
        Member c = new Member(CompletableFuture.completedFuture(TOKEN));
        ChainedTokenCredential chain = ChainedTokenCredential.builder().addLast(a).addLast(b).addLast(c).build();
        String sync = messageOf(() -> chain.getToken(REQUEST));
        assertThatThrownBy(() -> chain.getTokenAsync(REQUEST).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(AuthenticationFailedException.class).hasMessage(sync)
                .hasMessageContaining("A: not here").hasMessageContaining("B: refused");
        assertThat(c.askedOn).isEmpty();
    }

    @Test
    void getTokenAsync_noMemberAvailable_unavailableListingEveryAttempt() {
        ChainedTokenCredential chain = ChainedTokenCredential.builder()
                .addLast(new Member(CompletableFuture.failedFuture(new CredentialUnavailableException("A: not here"))))
                .addLast(new Member(CompletableFuture.failedFuture(
                        new CompletionException(new CredentialUnavailableException("B: not either")))))
                .build();
        assertThatThrownBy(() -> chain.getTokenAsync(REQUEST).join()).cause()
                .isInstanceOf(CredentialUnavailableException.class)
                .hasMessageContaining("    A: not here\n    B: not either");
    }

    @Test
    void getTokenAsync_bugInAMember_propagatesUnchangedAndStopsTheChain() {
        IllegalStateException bug = new IllegalStateException("a bug");
        Member b = new Member(CompletableFuture.completedFuture(TOKEN));
        TokenCredential throwing = new TokenCredential() {
            @Override
            public AccessToken getToken(TokenRequestContext request) {
                throw bug;
            }

            @Override
            public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
                throw bug;
            }
        };
        ChainedTokenCredential chain = ChainedTokenCredential.builder().addLast(throwing).addLast(b).build();
        assertThatThrownBy(() -> chain.getTokenAsync(REQUEST).join()).cause().isSameAs(bug);
        assertThat(b.askedOn).isEmpty();
    }

    @Test
    void getToken_memberNeedsInteractiveSignIn_chainMovesOnAsInAzureIdentity() {
        TokenCredential needsUser = r -> {
            throw new AuthenticationRequiredException("InteractiveBrowserCredential: the user must sign in", r);
        };
        Member b = new Member(CompletableFuture.completedFuture(TOKEN));
        ChainedTokenCredential chain = ChainedTokenCredential.builder().addLast(needsUser).addLast(b).build();
        assertThat(chain.getToken(REQUEST)).isSameAs(TOKEN);
        assertThat(ChainedTokenCredential.builder().addLast(needsUser).addLast(b).build().getTokenAsync(REQUEST).join())
                .isSameAs(TOKEN);
    }

    private static String messageOf(Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected a failure");
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
