package dev.azid.internal.devtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.CredentialUnavailableException;
import dev.azid.TokenCredential;
import dev.azid.TokenRequestContext;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ChainMemberTokensTest {

    private static final TokenRequestContext ARM = TokenRequestContext.of("https://management.azure.com/.default");

    private static TokenCredential throwing(RuntimeException e) {
        return request -> {
            throw e;
        };
    }

    @Test
    void getToken_failure_becomesUnavailableWithTheSameMessageAndTheFailureAsCause() {
        AuthenticationFailedException failed = new AuthenticationFailedException("AzureCliCredential: az failed. Run it.");
        assertThatThrownBy(() -> new ChainMemberTokens(throwing(failed)).getToken(ARM))
                .isInstanceOf(CredentialUnavailableException.class).hasMessage("AzureCliCredential: az failed. Run it.")
                .hasCause(failed);
    }

    @Test
    void getTokenAsync_failure_becomesUnavailable() {
        AuthenticationFailedException failed = new AuthenticationFailedException("AzureCliCredential: az failed. Run it.");
        assertThatThrownBy(() -> new ChainMemberTokens(throwing(failed)).getTokenAsync(ARM).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(CredentialUnavailableException.class)
                .hasMessage("AzureCliCredential: az failed. Run it.").hasCause(failed);
    }

    @Test
    void getToken_unavailableOrBug_passesThroughUnchanged() {
        CredentialUnavailableException unavailable = new CredentialUnavailableException("AzureCliCredential: not installed.");
        IllegalArgumentException bug = new IllegalArgumentException("bad scope");
        assertThatThrownBy(() -> new ChainMemberTokens(throwing(unavailable)).getToken(ARM)).isSameAs(unavailable);
        assertThatThrownBy(() -> new ChainMemberTokens(throwing(bug)).getToken(ARM)).isSameAs(bug);
        assertThatThrownBy(() -> new ChainMemberTokens(throwing(bug)).getTokenAsync(ARM).join())
                .isInstanceOf(CompletionException.class).hasCause(bug);
    }

    @Test
    void getToken_success_isTheSourcesToken() {
        AccessToken token = AccessToken.of("t0ken", Instant.parse("2100-01-01T00:00:00Z"));
        TokenCredential source = request -> token;
        assertThat(new ChainMemberTokens(source).getToken(ARM)).isSameAs(token);
        assertThat(new ChainMemberTokens(source).getTokenAsync(ARM).join()).isSameAs(token);
    }
}
