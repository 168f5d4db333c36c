package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.emulator.RecordedRequest;
import dev.azid.http.HttpTransport;
import dev.azid.test.LogCapture;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** User sign-in failures that come from Entra ID's policy: revoked sessions and multi-factor requirements. */
@AzidEmulator
class SignInErrorsEmulatorTest {

    private static final TokenRequestContext GRAPH = TokenRequestContext.of("https://graph.microsoft.com/User.Read");
    private static final TokenRequestContext ARM = TokenRequestContext.of("https://management.azure.com/user_impersonation");

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private static InteractiveBrowserCredential.Builder browser(EntraEmulator e, String username, AtomicInteger opened) {
        return InteractiveBrowserCredential.builder().clientId(EmulatorConfig.AZURE_CLI_CLIENT_ID)
                .tenantId(EmulatorConfig.DEFAULT_TENANT_ID).options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build()).build())
                .browser(InteractiveBrowserEmulatorTest.person(e, username, EmulatorConfig.DEFAULT_PASSWORD, false, opened))
                .timeout(Duration.ofSeconds(20));
    }

    @Test
    void revokedSession_withoutAutomaticAuthentication_saysSignInAgain(EntraEmulator e) {
        AtomicInteger opened = new AtomicInteger();
        InteractiveBrowserCredential credential = browser(e, EmulatorConfig.DEFAULT_USERNAME, opened)
                .disableAutomaticAuthentication().build();
        credential.authenticate(GRAPH);

        assertThat(e.revokeSignInSessions(EmulatorConfig.DEFAULT_USERNAME)).isPositive();

        // As in azure-identity: AuthenticationRequiredException, a CredentialUnavailableException, so a chain moves on.
        assertThatThrownBy(() -> credential.getToken(ARM)).isInstanceOf(AuthenticationRequiredException.class)
                .isInstanceOf(CredentialUnavailableException.class)
                .hasMessageStartingWith("InteractiveBrowserCredential: ")
                .hasMessageContaining("AADSTS50173").hasMessageContaining("authenticate()")
                .satisfies(t -> assertThat(((AuthenticationRequiredException) t).request()).isEqualTo(ARM));
        assertThat(opened).hasValue(1);
        RecordedRequest refused = e.requestLog().last();
        assertThat(refused.form()).containsEntry("grant_type", "refresh_token");
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void revokedSession_withAutomaticAuthentication_signsInAgain(EntraEmulator e) {
        AtomicInteger opened = new AtomicInteger();
        InteractiveBrowserCredential credential = browser(e, EmulatorConfig.DEFAULT_USERNAME, opened).build();
        credential.getToken(GRAPH);
        e.revokeSignInSessions(EmulatorConfig.DEFAULT_USERNAME);

        assertThat(credential.getToken(ARM).token()).isNotBlank();
        assertThat(opened).hasValue(2);
        assertThat(logs.all()).contains("AADSTS50173");
    }

    @Test
    void mfaRequiredUser_usernamePasswordIsRefusedWithARemedy(EntraEmulator e) {
        UsernamePasswordCredential ropc = UsernamePasswordCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.AZURE_CLI_CLIENT_ID).username(EmulatorConfig.MFA_USERNAME)
                .password(EmulatorConfig.MFA_PASSWORD).options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build()).build()).build();

        assertThatThrownBy(() -> ropc.getToken(GRAPH)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("UsernamePasswordCredential: ").hasMessageContaining("AADSTS50076")
                .hasMessageContaining("multi-factor authentication: use an interactive credential")
                .hasMessageNotContaining(EmulatorConfig.MFA_PASSWORD);
        logs.assertNoSecrets(EmulatorConfig.MFA_PASSWORD);
    }
}
