package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.azid.http.HttpResponse;
import dev.azid.test.Leaks;
import dev.azid.test.MutableClock;
import dev.azid.test.TestCertificates;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A token endpoint (or whatever answers on the authority host) that echoes secrets back, in every
 * shape: the credential's own secrets and secrets it never configured must stay out of the
 * exception, its causes and details, and the logs.
 */
class SecretEchoTest extends SecretEchoFixture {

    static final String TENANT = ClientSecretCredentialTest.TENANT;
    static final String CLIENT = ClientSecretCredentialTest.CLIENT;
    /** The configured client secret: it has characters that URL and JSON encoding change. */
    static final String SECRET = "Cs3cr3t~Value/with+chars=";

    static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String entraError(String description) {
        return "{\"error\":\"invalid_request\",\"error_description\":\"" + json(description) + "\",\"error_codes\":[900144],"
                + "\"trace_id\":\"0000-trace\",\"correlation_id\":\"1111-corr\"}";
    }

    private ClientSecretCredential secretCredential() {
        return ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET)
                .options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(sleeper, () -> 0.5).build()).build();
    }

    @Test
    void clientSecret_endpointEchoesTheRequestForm_hidesSecretAndPlantedToken() {
        transport.thenJson(400, entraError("AADSTS900144: The request body must contain: grant_type=client_credentials"
                + "&client_id=" + CLIENT + "&client_secret=" + url(SECRET) + "&refresh_token=" + PLANTED + "\r\nTrace ID: x"));
        Throwable t = failure(secretCredential());
        Leaks.assertNone(t, logs, SECRET, url(SECRET), PLANTED);
        assertThat(t).hasMessageContaining("AADSTS900144: The request body must contain: grant_type=client_credentials")
                .hasMessageContaining("client_secret=****");
        assertThat(((AuthenticationFailedException) t).details().orElseThrow().errorCode()).isEqualTo("AADSTS900144");
    }

    @Test
    void clientSecret_secretEchoedRawInEveryField_isHidden() {
        String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        transport.thenJson(401, "{\"error\":\"invalid_client " + json(SECRET) + "\",\"error_description\":\"AADSTS7000215: "
                + "Invalid client secret provided: " + json(SECRET) + " (Authorization: Basic " + basic + "; Bearer "
                + PLANTED + ")\",\"trace_id\":\"password=" + PLANTED + "\",\"correlation_id\":\"" + json(SECRET) + "\"}");
        Throwable t = failure(secretCredential());
        Leaks.assertNone(t, logs, SECRET, basic, PLANTED);
        assertThat(t).hasMessageContaining("AADSTS7000215: Invalid client secret provided");
    }

    @Test
    void clientSecret_answerThatIsNotJson_contentTypeEchoIsHidden() {
        transport.then(r -> new HttpResponse(400, Map.of("Content-Type", List.of("text/plain; token=" + PLANTED)),
                ("client_secret=" + SECRET).getBytes(StandardCharsets.UTF_8)));
        Leaks.assertNone(failure(secretCredential()), logs, SECRET, PLANTED);
    }

    @Test
    void clientSecret_transportMessageEchoesTheRequest_messageCauseAndRetryLogsHideIt() {
        transport.always(r -> {
            throw new IOException("proxy refused body client_secret=" + url(SECRET) + " with Authorization: Bearer "
                    + PLANTED + " and " + SECRET);
        });
        Throwable t = failure(secretCredential());
        assertThat(logs.all()).contains("retry 1 of 3");
        Leaks.assertNone(t, logs, SECRET, url(SECRET), PLANTED);
        assertThat(t.getCause().toString()).startsWith("java.io.IOException: proxy refused body client_secret=****");
    }

    @Test
    void usernamePassword_endpointEchoesThePassword_isHidden() {
        String password = "Us3r pass/word+!";
        transport.thenJson(400, entraError("AADSTS50126: password '" + password + "' is wrong (password="
                + url(password) + ")"));
        UsernamePasswordCredential c = UsernamePasswordCredential.builder().tenantId(TENANT).clientId(CLIENT)
                .username("user@contoso.com").password(password).options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(sleeper, () -> 0.5).build()).build();
        Leaks.assertNone(failure(c), logs, password, url(password));
    }

    @Test
    void clientCertificate_answerQuotesTheCertificatePassword_isHidden() throws Exception {
        String password = "pfx-p@ss word!";
        Path pfx = Files.write(dir.resolve("client.pfx"), TestCertificates.valid().pfx(password));
        transport.thenJson(400, entraError("AADSTS700027: the key was opened with " + password + " / " + url(password)));
        ClientCertificateCredential c = ClientCertificateCredential.builder().tenantId(TENANT).clientId(CLIENT)
                .pfxCertificate(pfx).certificatePassword(password).options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(new MutableClock(java.time.Instant.now())).build()).build();
        Throwable t = failure(c);
        assertThat(t).hasMessageContaining("AADSTS700027: the key was opened with ****");
        Leaks.assertNone(t, logs, password, url(password));
    }

    @Test
    void onBehalfOf_endpointEchoesTheUserAssertionAndSecret_areHidden() {
        String assertion = "Opaque-User-Assertion.0123456789";
        transport.thenJson(400, entraError("AADSTS50013: assertion " + assertion + " rejected; assertion="
                + url(assertion) + "; secret " + SECRET));
        OnBehalfOfCredential c = OnBehalfOfCredential.builder().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET)
                .userAssertion(assertion).options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).build()).build();
        Leaks.assertNone(failure(c), logs, assertion, SECRET, url(SECRET));
    }

    @Test
    void clientAssertion_endpointEchoesTheAssertion_isHidden() {
        String assertion = "opaque.client-assertion_value~9";
        transport.thenJson(400, entraError("AADSTS700021: client assertion " + assertion + " is not a JWT"));
        ClientAssertionCredential c = ClientAssertionCredential.builder().tenantId(TENANT).clientId(CLIENT)
                .clientAssertion(() -> assertion).options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(sleeper, () -> 0.5).build()).build();
        Leaks.assertNone(failure(c), logs, assertion);
    }

    @Test
    void authorizationCode_endpointEchoesCodeThenRefreshToken_bothHidden() {
        String code = "0.AAAA-auth-code_value";
        String refresh = "1.AR-refresh-token_value~xyz";
        AuthorizationCodeCredential c = AuthorizationCodeCredential.builder().tenantId(TENANT).clientId(CLIENT)
                .authorizationCode(code).redirectUrl("http://localhost:8400").clientSecret(SECRET)
                .options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).build()).build();
        transport.thenJson(400, entraError("AADSTS70000: code " + code + " is malformed"));
        Leaks.assertNone(failure(c), logs, code, SECRET);

        AuthorizationCodeCredential again = AuthorizationCodeCredential.builder().tenantId(TENANT).clientId(CLIENT)
                .authorizationCode(code).redirectUrl("http://localhost:8400").options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).build()).build();
        transport.thenJson(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"at-one-opaque\","
                + "\"refresh_token\":\"" + refresh + "\"}");
        again.getToken(TokenRequestContext.of(ARM));
        transport.thenJson(400, entraError("AADSTS9002313: refresh token " + refresh + " cannot be used"));
        Throwable t = catchThrowable(() -> again.getToken(TokenRequestContext.of("https://vault.azure.net/.default")));
        assertThat(t).isInstanceOf(AuthenticationFailedException.class);
        Leaks.assertNone(t, logs, refresh, code, "at-one-opaque");
    }

    @Test
    void environment_endpointEchoesAzureClientSecret_isHidden() {
        String secret = "env-Secret~value_0123";
        transport.thenJson(400, entraError("AADSTS7000215: Invalid client secret provided: " + secret));
        EnvironmentCredential c = EnvironmentCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT, "AZURE_CLIENT_SECRET", secret))).httpTransport(transport).executor(Runnable::run).build()).build();
        Throwable t = failure(c);
        Leaks.assertNone(t, logs, secret);
        assertThat(t).hasMessageContaining("AADSTS7000215: Invalid client secret provided: ****");
    }

    @Test
    void workloadIdentity_endpointEchoesTheFederatedToken_isHidden() throws Exception {
        String token = "opaque-service-account-token.1234";
        Path file = Files.writeString(dir.resolve("token"), token);
        transport.thenJson(400, entraError("AADSTS70021: No matching federated identity record for " + token));
        WorkloadIdentityCredential c = WorkloadIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_FEDERATED_TOKEN_FILE", file.toString(), "AZURE_CLIENT_ID", CLIENT, "AZURE_TENANT_ID", TENANT))).httpTransport(transport).executor(Runnable::run).clock(clock).build()).build();
        Leaks.assertNone(failure(c), logs, token);
    }
}
