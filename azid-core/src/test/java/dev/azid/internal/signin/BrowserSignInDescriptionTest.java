package dev.azid.internal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrowserSignInDescriptionTest {

    @Test
    void toString_namesCredentialClientAndRedirect_neverTheHintsOrPages() {
        BrowserSignIn signIn = new BrowserSignIn("InteractiveBrowserCredential", "client-1",
                URI.create("http://localhost:8400"), Map.of("login_hint", "alice@contoso.com"), uri -> { },
                Duration.ofMinutes(5), null, "<html>welcome page</html>", "<html>error page</html>");
        assertThat(signIn.toString())
                .isEqualTo("BrowserSignIn[InteractiveBrowserCredential, clientId=client-1, redirect=http://localhost:8400]")
                .doesNotContain("alice").doesNotContain("<html>");
        assertThat(new BrowserSignIn("X", "c", null, Map.of(), uri -> { }, Duration.ofMinutes(1), null, null, null))
                .hasToString("BrowserSignIn[X, clientId=c, redirect=a free loopback port]");
    }
}
