package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import dev.azid.test.LogCapture;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authorization code, on-behalf-of and username/password against the emulator. */
@AzidEmulator
class UserFlowsEmulatorTest {

    private static final String GRAPH = "https://graph.microsoft.com/User.Read";
    private static final String REDIRECT = "http://localhost:8400/callback";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private static HttpTransport trusting(EntraEmulator e) {
        return HttpTransport.builder().sslContext(e.sslContext()).build();
    }

    /** Signs in on the emulator's page as a web app's user would and returns the code from the redirect. */
    private static String code(EntraEmulator e) throws Exception {
        String form = "client_id=" + EmulatorConfig.DEFAULT_CLIENT_ID + "&response_type=code&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&scope=" + URLEncoder.encode(GRAPH + " offline_access",
                StandardCharsets.UTF_8) + "&state=s1&username=" + URLEncoder.encode(EmulatorConfig.DEFAULT_USERNAME,
                StandardCharsets.UTF_8) + "&password=" + EmulatorConfig.DEFAULT_PASSWORD + "&action=signin";
        HttpResponse<String> r = HttpClient.newBuilder().sslContext(e.sslContext()).build().send(HttpRequest.newBuilder(
                URI.create(e.authorityHost() + "/" + EmulatorConfig.DEFAULT_TENANT_ID + "/oauth2/v2.0/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=s1");
        return URLDecoder.decode(location.replaceAll(".*code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    }

    @Test
    void authorizationCode_redeemedOnce_thenRefreshTokenForOtherScopes(EntraEmulator e) throws Exception {
        AuthorizationCodeCredential c = AuthorizationCodeCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .authorizationCode(code(e)).redirectUrl(REDIRECT).options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(trusting(e)).build()).build();
        assertThat(c.getToken(TokenRequestContext.of(GRAPH)).token()).isNotBlank();
        assertThat(c.getToken(TokenRequestContext.of("https://management.azure.com/user_impersonation")).token()).isNotBlank();
        assertThat(e.requestLog().matching("/oauth2/v2.0/token")).extracting(r -> r.form().get("grant_type"))
                .endsWith("authorization_code", "refresh_token");
        assertThat(e.requestLog().last().form()).containsEntry("client_secret", "***");
        logs.assertNoSecrets(EmulatorConfig.DEFAULT_CLIENT_SECRET);
    }

    @Test
    void authorizationCode_usedTwice_isRefusedByEntra(EntraEmulator e) throws Exception {
        String code = code(e);
        AuthorizationCodeCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID).clientId(EmulatorConfig.DEFAULT_CLIENT_ID)
                .authorizationCode(code).redirectUrl(REDIRECT).options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(trusting(e)).build()).build().getToken(TokenRequestContext.of(GRAPH));
        assertThatThrownBy(() -> AuthorizationCodeCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).authorizationCode(code).redirectUrl(REDIRECT)
                .options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(trusting(e)).build()).build().getToken(TokenRequestContext.of(GRAPH)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("AADSTS54005");
    }

    private static UsernamePasswordCredential user(EntraEmulator e, String password) {
        return UsernamePasswordCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).username(EmulatorConfig.DEFAULT_USERNAME).password(password)
                .options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(trusting(e)).build()).build();
    }

    @Test
    void usernamePassword_rightAndWrongPassword(EntraEmulator e) {
        assertThat(user(e, EmulatorConfig.DEFAULT_PASSWORD).getToken(TokenRequestContext.of(GRAPH)).token()).isNotBlank();
        assertThatThrownBy(() -> user(e, "wrong-password").getToken(TokenRequestContext.of(GRAPH)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("AADSTS50126")
                .hasMessageNotContaining("wrong-password");
        logs.assertNoSecrets(EmulatorConfig.DEFAULT_PASSWORD, "wrong-password");
    }

    @Test
    void usernamePassword_authenticate_signsInAgainAndRecordsTheAccount(EntraEmulator e) {
        UsernamePasswordCredential c = user(e, EmulatorConfig.DEFAULT_PASSWORD);
        c.getToken(TokenRequestContext.of(GRAPH));
        e.requestLog().clear();
        AuthenticationRecord record = c.authenticate(TokenRequestContext.of(GRAPH));
        assertThat(e.requestLog().matching("/oauth2/v2.0/token")).as("not served from the cache").hasSize(1);
        assertThat(record.username()).isEqualTo(EmulatorConfig.DEFAULT_USERNAME);
        assertThat(record.tenantId()).isEqualTo(EmulatorConfig.DEFAULT_TENANT_ID);
        assertThat(record.clientId()).isEqualTo(EmulatorConfig.DEFAULT_CLIENT_ID);
        assertThat(record.homeAccountId()).endsWith("." + EmulatorConfig.DEFAULT_TENANT_ID).hasSizeGreaterThan(
                EmulatorConfig.DEFAULT_TENANT_ID.length() + 1);
        assertThat(record.authority()).isEqualTo(e.authorityHost().toString());
        assertThatThrownBy(c::authenticate).as("the emulator's host is of no named cloud")
                .isInstanceOf(CredentialUnavailableException.class)
                .hasMessageStartingWith("UsernamePasswordCredential: authenticate() has no default scope");
        assertThatThrownBy(() -> user(e, "wrong-password").authenticate(TokenRequestContext.of(GRAPH)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageNotContaining("wrong-password");
        logs.assertNoSecrets(EmulatorConfig.DEFAULT_PASSWORD, "wrong-password");
    }

    @Test
    void onBehalfOf_exchangesTheUsersTokenAndIsolatesUsers(EntraEmulator e) {
        String incoming = user(e, EmulatorConfig.DEFAULT_PASSWORD).getToken(TokenRequestContext.of("api://azid-demo-api/access"))
                .token();
        OnBehalfOfCredential obo = OnBehalfOfCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .userAssertion(incoming).options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(trusting(e)).build()).build();
        AccessToken graph = obo.getToken(TokenRequestContext.of(GRAPH));
        assertThat(graph.token()).isNotEqualTo(incoming);
        obo.getToken(TokenRequestContext.of(GRAPH));
        assertThat(e.requestLog().matching("/oauth2/v2.0/token").stream()
                .filter(r -> "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(r.form().get("grant_type")))).hasSize(1);
        assertThatThrownBy(() -> OnBehalfOfCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .userAssertion("not.a.token").options(CredentialOptions.builder().authorityHost(e.authorityHost().toString()).httpTransport(trusting(e)).build()).build()
                .getToken(TokenRequestContext.of(GRAPH))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("AADSTS50013");
        logs.assertNoSecrets(incoming, graph.token());
    }
}
