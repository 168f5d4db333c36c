package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import dev.azid.test.LogCapture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The interactive browser flow against the emulator's sign-in page, with a scripted "browser" that
 * does what a person does: open the page, fill the form, follow the redirect to the loopback listener.
 */
@AzidEmulator
class InteractiveBrowserEmulatorTest {

    private static final String GRAPH = "https://graph.microsoft.com/User.Read";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    /** A browser that signs in as the given user (or presses Cancel) and follows the redirect. */
    static Consumer<URI> person(EntraEmulator e, String username, String password, boolean cancel, AtomicInteger opened) {
        HttpClient http = HttpClient.newBuilder().sslContext(e.sslContext()).connectTimeout(Duration.ofSeconds(5)).build();
        return url -> {
            opened.incrementAndGet();
            try {
                String page = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Map<String, String> form = new LinkedHashMap<>();
                Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(page);
                while (m.find()) {
                    form.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                            .replace("&lt;", "<").replace("&gt;", ">"));
                }
                form.put("username", username);
                form.put("password", password);
                form.put("action", cancel ? "cancel" : "signin");
                String body = form.entrySet().stream().map(en -> URLEncoder.encode(en.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(en.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
                HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(url.toString().split("\\?")[0]))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                String location = posted.headers().firstValue("Location").orElseThrow(() ->
                        new AssertionError("no redirect; page: " + posted.body()));
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
        };
    }

    private InteractiveBrowserCredential.Builder builder(EntraEmulator e, Consumer<URI> browser) {
        return InteractiveBrowserCredential.builder().clientId(EmulatorConfig.DEFAULT_CLIENT_ID)
                .tenantId(EmulatorConfig.DEFAULT_TENANT_ID).options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build()).build()).browser(browser)
                .timeout(Duration.ofSeconds(20));
    }

    @Test
    void signIn_thenOtherScopesSilentlyWithTheRefreshToken(EntraEmulator e) {
        AtomicInteger opened = new AtomicInteger();
        InteractiveBrowserCredential c = builder(e, person(e, EmulatorConfig.DEFAULT_USERNAME,
                EmulatorConfig.DEFAULT_PASSWORD, false, opened)).build();
        AccessToken graph = c.getToken(TokenRequestContext.of(GRAPH));
        assertThat(graph.token()).isNotBlank();
        assertThat(c.username()).contains(EmulatorConfig.DEFAULT_USERNAME);
        AccessToken arm = c.getToken(TokenRequestContext.of("https://management.azure.com/user_impersonation"));
        assertThat(arm.token()).isNotEqualTo(graph.token());
        assertThat(opened).as("the second scope came from the refresh token").hasValue(1);
        assertThat(e.requestLog().matching("/oauth2/v2.0/token")).extracting(r -> r.form().get("grant_type"))
                .endsWith("authorization_code", "refresh_token");
        assertThat(e.requestLog().matching("/oauth2/v2.0/token").get(0).form()).containsKey("code_verifier");
        logs.assertNoSecrets(graph.token(), arm.token(), EmulatorConfig.DEFAULT_PASSWORD);
    }

    @Test
    void userCancels_failsClearly(EntraEmulator e) {
        assertThatThrownBy(() -> builder(e, person(e, "", "", true, new AtomicInteger())).build()
                .getToken(TokenRequestContext.of(GRAPH)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("access_denied")
                .hasMessageContaining("AADSTS65004");
    }

    @Test
    void browserNeverReturns_timesOut(EntraEmulator e) {
        assertThatThrownBy(() -> builder(e, url -> { }).timeout(Duration.ofMillis(300)).build()
                .getToken(TokenRequestContext.of(GRAPH)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("no sign-in came back");
    }

    @Test
    void forgedState_isRefused(EntraEmulator e) {
        Consumer<URI> forger = url -> {
            String redirect = java.net.URLDecoder.decode(url.getQuery().replaceAll(".*redirect_uri=([^&]+).*", "$1"),
                    StandardCharsets.UTF_8);
            try {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(redirect + "?code=x&state=forged")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
        };
        assertThatThrownBy(() -> builder(e, forger).build().getToken(TokenRequestContext.of(GRAPH)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("state");
    }

    @Test
    void redirectPortInUse_failsClearly(EntraEmulator e) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> builder(e, url -> { }).redirectUrl("http://localhost:" + taken.getLocalPort()).build()
                    .getToken(TokenRequestContext.of(GRAPH)))
                    .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("in use");
        }
        assertThatThrownBy(() -> builder(e, url -> { }).redirectUrl("https://example.com/cb").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://localhost");
    }

    @Test
    void defaultAzureCredential_includesBrowserOnlyWhenAsked(EntraEmulator e) {
        Map<String, String> env = Map.of("AZURE_TOKEN_CREDENTIALS", "dev", "PATH", "/nonexistent",
                "AZURE_AUTHORITY_HOST", e.authorityHost().toString());
        assertThat(DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env)).build()).build().kinds())
                .doesNotContain(DefaultAzureCredential.Kind.INTERACTIVE_BROWSER);
        AtomicInteger opened = new AtomicInteger();
        DefaultAzureCredential dac = DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env)).httpTransport(HttpTransport.builder().sslContext(e.sslContext()).build()).build())
                .includeInteractiveBrowserCredential().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .browser(person(e, EmulatorConfig.DEFAULT_USERNAME, EmulatorConfig.DEFAULT_PASSWORD, false, opened)).build();
        assertThat(dac.kinds()).endsWith(DefaultAzureCredential.Kind.INTERACTIVE_BROWSER);
        assertThat(dac.getToken(TokenRequestContext.of(GRAPH)).token()).isNotBlank();
        assertThat(dac.selectedCredential()).containsInstanceOf(InteractiveBrowserCredential.class);
        assertThat(opened).hasValue(1);
        assertThat(e.requestLog().matching("/oauth2/v2.0/token").get(e.requestLog().matching("/oauth2/v2.0/token").size() - 1)
                .form()).containsEntry("client_id", EmulatorConfig.AZURE_CLI_CLIENT_ID);
    }
}
