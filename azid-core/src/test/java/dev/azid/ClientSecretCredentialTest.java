package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.http.HttpRequest;
import dev.azid.test.LogCapture;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientSecretCredentialTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CLIENT = "11111111-2222-3333-4444-555555555555";
    static final String SECRET = "s3cr3t~VALUE.with_chars";
    static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2lnbmF0dXJl";
    static final String ARM = "https://management.azure.com/.default";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ScriptedTransport transport = new ScriptedTransport();

    private ClientSecretCredential.Builder builder() {
        return ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET).options(opts().build());
    }

    private CredentialOptions.Builder opts() {
        return CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(sleeper, () -> 0.5);
    }

    static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private static String error(String error, long code, String text) {
        return "{\"error\":\"" + error + "\",\"error_description\":\"AADSTS" + code + ": " + text
                + "\\r\\nTrace ID: 0000-trace\\r\\nCorrelation ID: 1111-corr\\r\\nTimestamp: 2026-11-24 10:00:00Z\","
                + "\"error_codes\":[" + code + "],\"timestamp\":\"2026-11-24 10:00:00Z\",\"trace_id\":\"0000-trace\","
                + "\"correlation_id\":\"1111-corr\"}";
    }

    @Test
    void build_noTransportCall_performsNoIo() {
        ClientSecretCredential c = ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT)
                .clientSecret(SECRET).options(CredentialOptions.builder().httpTransport(ScriptedTransport.failing()).build()).build();
        assertThat(c.toString()).contains(CLIENT).doesNotContain(SECRET);
    }

    @Test
    void getToken_success_postsClientCredentialsForm() {
        transport.thenJson(200, ScriptedTransport.tokenJson(TOKEN, 3599));
        AccessToken token = builder().build().getToken(TokenRequestContext.of(ARM));

        assertThat(token.token()).isEqualTo(TOKEN);
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(3599));
        assertThat(token.refreshAt()).isBefore(token.expiresAt().minus(Duration.ofMinutes(5)));
        HttpRequest sent = transport.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri()).hasToString("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token");
        assertThat(sent.headers()).containsEntry("x-client-SKU", "azid.java").containsKey("client-request-id")
                .containsEntry("return-client-request-id", "true")
                .containsEntry("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        assertThat(form(transport.lastBody())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", "client_credentials", "client_id", CLIENT, "client_secret", SECRET, "scope", ARM));
    }

    @Test
    void getToken_secondCall_servedFromCache() {
        transport.thenJson(200, ScriptedTransport.tokenJson(TOKEN, 3599));
        ClientSecretCredential c = builder().build();
        c.getToken(TokenRequestContext.of(ARM));
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isEqualTo(TOKEN);
        assertThat(c.getTokenAsync(TokenRequestContext.of(ARM)).join().token()).isEqualTo(TOKEN);
        assertThat(transport.calls()).isEqualTo(1);
    }

    @Test
    void getToken_bareResourceScope_becomesDefaultScope() {
        transport.thenJson(200, ScriptedTransport.tokenJson(TOKEN, 3599));
        builder().build().getToken(TokenRequestContext.of("https://vault.azure.net"));
        assertThat(form(transport.lastBody())).containsEntry("scope", "https://vault.azure.net/.default");
    }

    @Test
    void getToken_delegatedScope_failsWithTheScopeToUse() {
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of("https://graph.microsoft.com/User.Read")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ClientSecretCredential: scope 'https://graph.microsoft.com/User.Read'")
                .hasMessageContaining("https://graph.microsoft.com/.default");
        assertThat(transport.calls()).isZero();
    }

    @Test
    void getToken_twoScopes_failsBeforeAnyRequest() {
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM, "https://vault.azure.net/.default")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one resource at a time");
    }

    @Test
    void getToken_scopeWithShellCharacters_isRefused() {
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of("https://x/.default;rm -rf")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not allowed");
    }

    @Test
    void getToken_wrongSecret_reportsAadstsStatusAndCorrelationWithoutSecret() {
        transport.thenJson(401, error("invalid_client", 7000215, "Invalid client secret provided."));
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("ClientSecretCredential: authentication failed: AADSTS7000215: "
                            + "Invalid client secret provided.")
                            .contains("HTTP 401 invalid_client", "correlation id 1111-corr", "trace id 0000-trace",
                                    "POST https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token",
                                    "use the secret's value")
                            .doesNotContain("Timestamp", SECRET);
                    assertThat(e.details()).hasValueSatisfying(d -> {
                        assertThat(d.httpStatus()).isEqualTo(401);
                        assertThat(d.errorCode()).isEqualTo("AADSTS7000215");
                        assertThat(d.error()).isEqualTo("invalid_client");
                        assertThat(d.correlationId()).isEqualTo("1111-corr");
                    });
                });
        assertThat(transport.calls()).as("401 is not retried").isEqualTo(1);
        logs.assertNoSecrets(SECRET);
    }

    @Test
    void getToken_unknownTenant_saysToCheckTheTenant() {
        transport.thenJson(400, error("invalid_request", 90002, "Tenant 'x' not found."));
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM)))
                .hasMessageContaining("AADSTS90002").hasMessageContaining("Check the tenant id");
    }

    @Test
    void getToken_unknownClient_saysToCheckTheClientId() {
        transport.thenJson(400, error("unauthorized_client", 700016, "Application not found."));
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM)))
                .hasMessageContaining("AADSTS700016").hasMessageContaining("Check the client id");
    }

    @Test
    void getToken_htmlErrorPage_reportsStatusAndContentType() {
        transport.always(r -> new dev.azid.http.HttpResponse(502, Map.of("Content-Type", java.util.List.of("text/html")),
                "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("HTTP 502").hasMessageContaining("text/html").hasMessageContaining("not a JSON error");
        assertThat(transport.calls()).as("502 retried 3 times").isEqualTo(4);
    }

    @Test
    void getToken_malformedSuccessBody_failsClearly() {
        transport.thenJson(200, "{\"access_token\":");
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("HTTP 200 but not with a usable token response");
    }

    @Test
    void getToken_successWithoutAccessToken_namesTheField() {
        transport.thenJson(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599}");
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM)))
                .hasMessageContaining("no access_token");
    }

    @Test
    void getToken_expiresInAsString_isAccepted() {
        transport.thenJson(200, "{\"token_type\":\"Bearer\",\"expires_in\":\"3599\",\"access_token\":\"" + TOKEN + "\"}");
        assertThat(builder().build().getToken(TokenRequestContext.of(ARM)).expiresAt())
                .isEqualTo(clock.instant().plusSeconds(3599));
    }

    @Test
    void getToken_refreshIn_setsRefreshInstant() {
        transport.thenJson(200, "{\"token_type\":\"Bearer\",\"expires_in\":86399,\"refresh_in\":43199,\"access_token\":\""
                + TOKEN + "\"}");
        assertThat(builder().build().getToken(TokenRequestContext.of(ARM)).refreshAt())
                .isEqualTo(clock.instant().plusSeconds(43199));
    }

    @Test
    void getToken_connectionRefused_failsAfterRetriesNamingHostAndProxy() {
        transport.always(r -> {
            throw new ConnectException("Connection refused");
        });
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("could not get an answer").hasMessageContaining("https://login.microsoftonline.com")
                .hasMessageContaining("HTTPS_PROXY").hasCauseInstanceOf(ConnectException.class);
        assertThat(transport.calls()).isEqualTo(4);
    }

    @Test
    void getToken_503ThenSuccess_retriesAndSucceeds() {
        transport.thenJson(503, "{}", Map.of("Retry-After", "2")).thenJson(200, ScriptedTransport.tokenJson(TOKEN, 3599));
        assertThat(builder().build().getToken(TokenRequestContext.of(ARM)).token()).isEqualTo(TOKEN);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void getToken_otherTenantNotAllowed_failsWithRemedy() {
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM).withTenantId("other-tenant")))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("additionallyAllowedTenants").hasMessageContaining("other-tenant");
        assertThat(transport.calls()).isZero();
    }

    @Test
    void getToken_otherTenantAllowed_usesItsTokenEndpoint() {
        transport.thenJson(200, ScriptedTransport.tokenJson(TOKEN, 3599));
        builder().options(opts().additionallyAllowedTenants("*").build()).build().getToken(TokenRequestContext.of(ARM).withTenantId("fabrikam.com"));
        assertThat(transport.requests().get(0).uri().getPath()).isEqualTo("/fabrikam.com/oauth2/v2.0/token");
    }

    @Test
    void getToken_tenantWithPathCharacters_isRefused() {
        assertThatThrownBy(() -> builder().options(opts().additionallyAllowedTenants("*").build()).build()
                .getToken(TokenRequestContext.of(ARM).withTenantId("evil/../x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid tenant id");
    }

    @Test
    void getToken_caeEnabled_sendsCp1ClaimsMergedWithChallenge() {
        transport.thenJson(200, ScriptedTransport.tokenJson(TOKEN, 3599));
        builder().build().getToken(TokenRequestContext.builder().scopes(ARM).enableCae(true)
                .claims("{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1\"}}}").build());
        assertThat(form(transport.lastBody()).get("claims"))
                .isEqualTo("{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1\"},\"xms_cc\":{\"values\":[\"cp1\"]}}}");
    }

    @Test
    void getToken_claimsChallenge_bypassesFreshCache() {
        transport.thenJson(200, ScriptedTransport.tokenJson(TOKEN, 3599)).thenJson(200, ScriptedTransport.tokenJson("second", 3599));
        ClientSecretCredential c = builder().build();
        c.getToken(TokenRequestContext.of(ARM));
        AccessToken t = c.getToken(TokenRequestContext.builder().scopes(ARM).claims("{\"access_token\":{}}").build());
        assertThat(t.token()).isEqualTo("second");
        assertThat(transport.calls()).isEqualTo(2);
    }

    @Test
    void getTokenAsync_badScope_failsFutureInsteadOfThrowing() {
        CompletableFuture<AccessToken> f = builder().build().getTokenAsync(TokenRequestContext.of("bad scope"));
        assertThat(f).isCompletedExceptionally();
    }

    @Test
    void build_missingSettings_nameTheSettingAndFix() {
        assertThatThrownBy(() -> ClientSecretCredential.builder().clientId(CLIENT).clientSecret(SECRET).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ClientSecretCredential: tenantId is not set. "
                        + "Call tenantId(...) with the directory (tenant) id.");
        assertThatThrownBy(() -> ClientSecretCredential.builder().tenantId(TENANT).clientSecret(SECRET).build())
                .hasMessageContaining("clientId is not set");
        assertThatThrownBy(() -> ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT).build())
                .hasMessageContaining("clientSecret is not set");
    }

    @Test
    void build_httpAuthorityHost_isRefusedUnlessLoopback() {
        assertThatThrownBy(() -> builder().options(opts().authorityHost("http://login.example.com").build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must use https");
        assertThatThrownBy(() -> builder().options(opts().authorityHost("https-x://login.example.com").build()).build())
                .hasMessageContaining("must use https");
        builder().options(opts().authorityHost("http://127.0.0.1:8080").build()).build();
        builder().options(opts().authorityHost("http://localhost:8080/").build()).build();
    }

    @Test
    void build_authorityHostWithoutScheme_getsHttps() {
        transport.thenJson(200, ScriptedTransport.tokenJson(TOKEN, 3599));
        // Surrounding whitespace is refused, not trimmed (UrlRefusalTest): only the missing scheme is added.
        builder().options(opts().authorityHost("login.microsoftonline.us/").build()).build().getToken(TokenRequestContext.of(ARM));
        assertThat(transport.requests().get(0).uri().toString()).startsWith("https://login.microsoftonline.us/" + TENANT);
    }

    @Test
    void build_cloud_usesItsAuthorityHost() {
        transport.thenJson(200, ScriptedTransport.tokenJson(TOKEN, 3599));
        builder().options(opts().cloud(AzureCloud.AZURE_CHINA_CLOUD).build()).build().getToken(TokenRequestContext.of(ARM));
        assertThat(transport.requests().get(0).uri().getHost()).isEqualTo("login.chinacloudapi.cn");
    }

    @Test
    void everyFailure_neverLeaksSecretOrToken() throws IOException {
        transport.thenJson(401, error("invalid_client", 7000215, "Invalid client secret provided."))
                .thenJson(200, "{\"access_token\":\"" + TOKEN + "\"}")
                .thenJson(200, ScriptedTransport.tokenJson(TOKEN, 3599));
        ClientSecretCredential c = builder().build();
        StringBuilder seen = new StringBuilder(c.toString());
        for (int i = 0; i < 2; i++) {
            try {
                c.getToken(TokenRequestContext.of(ARM));
            } catch (CredentialException e) {
                seen.append(e).append(e.getMessage());
            }
        }
        AccessToken ok = c.getToken(TokenRequestContext.of(ARM));
        seen.append(ok).append(transport.requests());
        assertThat(seen.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
        logs.assertNoSecrets(SECRET, TOKEN);
    }
}
