package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChainedTokenCredentialTest {

    private static final TokenRequestContext REQUEST = TokenRequestContext.of("https://x/.default");

    private static TokenCredential unavailable(String why) {
        return r -> {
            throw new CredentialUnavailableException(why);
        };
    }

    private static TokenCredential counting(AtomicInteger calls, String token) {
        return r -> {
            calls.incrementAndGet();
            return AccessToken.of(token, Instant.parse("2030-01-01T00:00:00Z"));
        };
    }

    @Test
    void getToken_unavailableThenWorking_returnsSecondAndSticks() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        TokenCredential flaky = r -> {
            if (first.incrementAndGet() == 1) {
                throw new CredentialUnavailableException("A: not here");
            }
            return AccessToken.of("from-a", Instant.parse("2030-01-01T00:00:00Z"));
        };
        TokenCredential b = counting(second, "from-b");
        ChainedTokenCredential chain = ChainedTokenCredential.builder().addLast(flaky).addLast(b).build();
        assertThat(chain.getToken(REQUEST).token()).isEqualTo("from-b");
        assertThat(chain.getToken(REQUEST).token()).as("sticky: A is not asked again").isEqualTo("from-b");
        assertThat(chain.getTokenAsync(REQUEST).join().token()).isEqualTo("from-b");
        assertThat(first).hasValue(1);
        assertThat(chain.selectedCredential()).contains(b);
    }

    @Test
    void getToken_failedCredential_stopsChain() {
        AtomicInteger later = new AtomicInteger();
        ChainedTokenCredential chain = ChainedTokenCredential.builder()
                .addLast(unavailable("A: not here. Set A."))
                .addLast(r -> {
                    throw new AuthenticationFailedException("B: refused: AADSTS7000215. Check the secret.");
                })
                .addLast(counting(later, "c")).build();
        assertThatThrownBy(() -> chain.getToken(REQUEST)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("failed, so the chain stopped")
                .hasMessageContaining("\n    A: not here. Set A.\n    B: refused: AADSTS7000215. Check the secret.");
        assertThat(later).hasValue(0);
        assertThat(chain.selectedCredential()).isEmpty();
    }

    @Test
    void getToken_allUnavailable_listsEveryAttemptOnItsOwnLine() {
        ChainedTokenCredential chain = ChainedTokenCredential.builder()
                .addLast(unavailable("A: not here. Set A.")).addLast(unavailable("B: no tool. Install B.")).build();
        assertThatThrownBy(() -> chain.getToken(REQUEST)).isInstanceOf(CredentialUnavailableException.class)
                .hasMessage("ChainedTokenCredential: no credential in the chain could get a token. Attempts:\n"
                        + "    A: not here. Set A.\n    B: no tool. Install B.\nConfigure one of them (each line says how).");
    }

    @Test
    void getToken_bug_propagatesUnchanged() {
        AtomicInteger later = new AtomicInteger();
        ChainedTokenCredential chain = ChainedTokenCredential.builder().addLast(r -> {
            throw new IllegalStateException("bug");
        }).addLast(counting(later, "b")).build();
        assertThatThrownBy(() -> chain.getToken(REQUEST)).isInstanceOf(IllegalStateException.class).hasMessage("bug");
        assertThat(later).hasValue(0);
    }

    @Test
    void build_empty_isRefused() {
        assertThatThrownBy(() -> ChainedTokenCredential.builder().build()).hasMessageContaining("no credential was added");
    }
}
