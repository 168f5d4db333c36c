package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.ScriptedTransport;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The browser credential's port, its custom pages, and the no-argument {@code authenticate()}: a
 * fake browser reads the authorize URL and calls the local listener back as Entra ID would.
 */
class InteractiveBrowserOptionsTest {

    private static final String TENANT = ClientSecretCredentialTest.TENANT;

    private final ScriptedTransport transport = new ScriptedTransport()
            .always(r -> ScriptedTransport.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":"
                    + "\"eyJ0eXAiOiJKV1QifQ.eyJ1c2VyIjoiYSJ9.c2ln\",\"refresh_token\":\"rt-value\"}", Map.of()));
    private final AtomicReference<String> page = new AtomicReference<>();
    private final AtomicReference<URI> authorize = new AtomicReference<>();

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    /** Answers the authorize URL with a redirect carrying {@code answer} and the request's state; keeps the page shown. */
    private Consumer<URI> browser(String answer) {
        return url -> {
            authorize.set(url);
            Map<String, String> q = query(url);
            URI back = URI.create(q.get("redirect_uri") + "?" + answer + "&state=" + q.get("state"));
            try {
                page.set(HttpClient.newHttpClient().send(HttpRequest.newBuilder(back).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }

    private InteractiveBrowserCredential.Builder builder(String answer) {
        return InteractiveBrowserCredential.builder().tenantId(TENANT).options(CredentialOptions.builder()
                .httpTransport(transport).build()).browser(browser(answer)).timeout(Duration.ofSeconds(20));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void port_redirectGoesToLocalhostOnThatPort() throws Exception {
        int port = freePort();
        builder("code=the-code").port(port).build().getToken(TokenRequestContext.of("https://graph.microsoft.com/.default"));

        assertThat(query(authorize.get()).get("redirect_uri")).isEqualTo("http://localhost:" + port);
        assertThat(transport.lastBody()).contains("redirect_uri=http%3A%2F%2Flocalhost%3A" + port);
    }

    @Test
    void port_outOfRange_refusedAtBuild() {
        assertThatThrownBy(() -> builder("code=x").port(70000).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port must be from 1 to 65535");
    }

    @Test
    void browserCustomizationOptions_successPageIsShown() {
        builder("code=the-code").browserCustomizationOptions(new BrowserCustomizationOptions(
                "<html><body>Welcome to Contoso</body></html>", null)).build()
                .getToken(TokenRequestContext.of("https://graph.microsoft.com/.default"));

        assertThat(page.get()).isEqualTo("<html><body>Welcome to Contoso</body></html>");
    }

    @Test
    void browserCustomizationOptions_errorPageGetsTheErrorAsEscapedText() {
        InteractiveBrowserCredential c = builder("error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
                .browserCustomizationOptions(new BrowserCustomizationOptions("<p>ok</p>", "<p>Failed: {0} ({1})</p>")).build();

        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of("https://graph.microsoft.com/.default")))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(page.get()).isEqualTo("<p>Failed: access_denied (&lt;script&gt;alert(1)&lt;/script&gt;)</p>");
    }

    @Test
    void authenticate_noArgument_signsInForThePublicCloudsManagementScope() {
        AuthenticationRecord record = builder("code=the-code").build().authenticate();

        assertThat(record).isNotNull();
        assertThat(query(authorize.get()).get("scope")).startsWith("https://management.core.windows.net//.default");
    }

    @Test
    void authenticate_noArgument_usesTheScopeOfTheConfiguredCloud() {
        InteractiveBrowserCredential c = InteractiveBrowserCredential.builder().tenantId(TENANT).options(CredentialOptions
                .builder().cloud(AzureCloud.AZURE_US_GOVERNMENT).httpTransport(transport).build())
                .browser(browser("code=the-code")).timeout(Duration.ofSeconds(20)).build();

        c.authenticate();

        assertThat(authorize.get().toString()).startsWith("https://login.microsoftonline.us/");
        assertThat(query(authorize.get()).get("scope")).startsWith("https://management.core.usgovcloudapi.net//.default");
    }

    @Test
    void authenticate_noArgument_hostOfNoNamedCloud_isUnavailableAndSaysWhatToDo() {
        InteractiveBrowserCredential c = InteractiveBrowserCredential.builder().tenantId(TENANT).options(CredentialOptions
                .builder().authorityHost("https://login.contoso.test").httpTransport(transport).build())
                .browser(url -> {
                    throw new AssertionError("no sign-in expected");
                }).build();

        assertThatThrownBy(c::authenticate).isInstanceOf(CredentialUnavailableException.class)
                .hasMessageStartingWith("InteractiveBrowserCredential: ")
                .hasMessageContaining("authenticate(TokenRequestContext)");
        assertThat(transport.calls()).isZero();
    }
}
