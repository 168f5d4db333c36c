package dev.azid.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.http.HttpRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    private static final String S = "Zq8xN2-pL_v4~Rt.9sK+w/Ab=";

    private static String redact(String text) {
        return Redactor.SHAPES.redact(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "refresh_token=@@", "client_secret=@@", "password=@@", "client_assertion=@@", "code=@@", "device_code=@@",
        "grant_type=refresh_token&refresh_token=@@&client_id=abc", "a=1&client_secret=@@&b=2", "assertion=@@",
        "code_verifier=@@", "sig=@@", "https://acct.blob.core.windows.net/c/b?sv=2022-11-02&se=2026&sig=@@&sp=r",
        "Password: @@", "password : @@", "password=\"@@\"", "password='@@'", "client_secret = '@@' next",
        "\"client_secret\":\"@@\"", "\"client_secret\" : \"@@\"", "{ \"refresh_token\" :\t\"@@\" }",
        "'client_secret': '@@'", "{\\\"access_token\\\":\\\"@@\\\"}", "\"password\": @@,", "\"apiKey\": \"@@\"",
        "Token : @@", "Token      : @@\nExpiresOn  : 11/24/2026 10:00:00 +00:00", "AccessToken=@@",
        "Authorization: Bearer @@", "authorization: Basic @@", "Cookie: session=@@; other=@@",
        "X-IDENTITY-HEADER: @@", "secret: @@", "x-functions-key: @@", "AccountKey=@@;EndpointSuffix=core.windows.net",
        "SharedAccessKey=@@", "Bearer @@", "bearer   @@ was refused", "Basic @@", "(Bearer @@)",
        "sent 'Bearer @@'", "--password @@", "--client-secret=@@", "-Password @@", "<password>@@</password>",
        "\"credentials\": [\"@@\", \"@@\"]", "\"secret\": {\"value\": \"@@\"}", "$password => '@@'",
        "msg: \"password\" => \"@@\"", "\"ServicePrincipalCredential\": \"@@\"", "pwd: client_secret = '@@'",
        "code: --password @@", "Basic --client-secret @@", "Authorization: token @@", "user_code=x&device_code=@@",
        "Bearer @@=.", "Basic @@==, then", "Bearer AAAA@@=;"})
    void redact_secretShape_masksTheValue(String shape) {
        String text = "before " + shape.replace("@@", S) + " after";
        String out = redact(text);
        assertThat(out).doesNotContain(S).doesNotContain(S.substring(0, 12)).contains("****").startsWith("before ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_secret=", "refresh_token=", "code=", "password%3D", "client_assertion="})
    void redact_urlEncodedValue_isMasked(String key) {
        String encoded = URLEncoder.encode(S, StandardCharsets.UTF_8);
        assertThat(redact("body: grant_type=x&" + key + encoded + "&scope=y")).doesNotContain(encoded)
                .doesNotContain("Zq8xN2").contains("scope=y");
    }

    @Test
    void redact_urlEncodedJson_isMasked() {
        String text = "q=%7B%22refresh_token%22%3A%22" + S.replace("+", "%2B").replace("/", "%2F") + "%22%7D";
        assertThat(redact(text)).doesNotContain("Zq8xN2");
        assertThat(redact("redirect=https%3A%2F%2Fapp%3Fcode%3D" + "Zq8xN2pLv4Rt9sK" + "%26state%3D1"))
                .doesNotContain("Zq8xN2").contains("state");
    }

    @Test
    void redact_jwt_isMasked() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlX2hlcmU";
        assertThat(redact("the token " + jwt + " expired")).isEqualTo("the token **** expired");
    }

    @Test
    void redact_privateKeyBlock_isMasked() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
        assertThat(redact("read " + pem)).doesNotContain("MIIEvQ").contains("BEGIN PRIVATE KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client "
                + "secret value, not the client secret ID, for a secret added to app 'abc'.",
        "AADSTS700082: The refresh token has expired due to inactivity.",
        "AADSTS50126: Error validating credentials due to invalid username or password.",
        "invalid_client: AADSTS7000222: The provided client secret keys for app 'x' are expired.",
        "ERROR: Please run 'az login' to setup account.",
        "Identity not found",
        "Trace ID: 0000-trace Correlation ID: 1111-corr Timestamp: 2026-11-24 10:00:00Z",
        "token_type: Bearer", "keyId: 1234-5678", "SharedAccessKeyName=RootManageSharedAccessKey",
        "user_code: ABCD-EFGH", "error_code=50126", "statusCode: 400",
        "WWW-Authenticate: Basic realm=/var/opt/azcmagent/tokens/x.key",
        "Bearer authentication failed", "Basic authorization required",
        "ClientSecretCredential: authentication failed", "Get-AzAccessToken: Run Connect-AzAccount to login.",
        "java.net.ConnectException: Connection refused", "AZURE_FEDERATED_TOKEN_FILE: /var/run/secrets/token"})
    void redact_benignText_isUnchanged(String text) {
        assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void withSecrets_knownValueAnywhere_isMaskedWithItsEncodings() {
        String secret = "my secret/value+1";
        Redactor r = Redactor.withSecrets(secret).andBasic("client-id", secret);
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String b64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString(("client-id:" + secret).getBytes(StandardCharsets.UTF_8));
        String out = r.redact("raw " + secret + " url " + url + " pct " + url.replace("+", "%20") + " b64 " + b64
                + " basic " + basic + " json " + secret.replace("/", "\\/") + " end");
        assertThat(out).doesNotContain(secret).doesNotContain(url).doesNotContain(b64).doesNotContain(basic)
                .doesNotContain("secret\\/value").startsWith("raw ****").endsWith(" end");
        assertThat(r.toString()).doesNotContain(secret);
    }

    @Test
    void withSecrets_shortValue_doesNotMaskOrdinaryText() {
        Redactor r = Redactor.withSecrets("400", "ab");
        assertThat(r.redact("HTTP 400 about ab")).isEqualTo("HTTP 400 about ab");
        assertThat(r.redact("password=400")).isEqualTo("password=****");
    }

    @Test
    void forRequest_headersFormAndQuery_areMasked() {
        HttpRequest request = HttpRequest.postForm(URI.create("https://h/p?sig=QuerySig1234&x=1"),
                Map.of("X-IDENTITY-HEADER", "HeaderValue999", "Authorization", "Bearer OpaqueBearer77", "Accept", "json"),
                "client_id=c&client_secret=Form%2BSecret%3D&scope=s", Duration.ofSeconds(1));
        Redactor r = Redactor.SHAPES.forRequest(request);
        String out = r.redact("echo HeaderValue999 OpaqueBearer77 Form+Secret= Form%2BSecret%3D QuerySig1234 json c s");
        assertThat(out).isEqualTo("echo **** **** **** **** **** json c s");
    }

    @Test
    void excerpt_longOutput_isShortenedAfterMasking() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append("line ").append(i).append(" password=").append(S).append("\n\n");
        }
        String out = Redactor.SHAPES.excerpt(sb.toString());
        assertThat(out).doesNotContain("Zq8x").startsWith("line 0 password=**** | line 1").endsWith(" ...")
                .contains("line 5").doesNotContain("line 6");
        assertThat(Redactor.SHAPES.excerpt("x".repeat(2000))).hasSize(604);
        assertThat(Redactor.SHAPES.excerpt(" \n ")).isEqualTo("(no output)");
    }

    @Test
    void cause_cleanChain_isKept_dirtyChain_isCopiedWithClassNames() {
        ConnectException clean = new ConnectException("Connection refused");
        assertThat(Redactor.SHAPES.cause(clean)).isSameAs(clean);

        IOException dirty = new IOException("server said password=" + S, new IllegalStateException("token: " + S));
        Throwable safe = Redactor.SHAPES.cause(dirty);
        assertThat(safe.toString()).isEqualTo("java.io.IOException: server said password=****");
        assertThat(safe.getCause().toString()).isEqualTo("java.lang.IllegalStateException: token: ****");
        assertThat(safe.getStackTrace()).isEqualTo(dirty.getStackTrace());
        assertThat(Redactor.SHAPES.cause(null)).isNull();
    }

    @Test
    void recentSecrets_manyValues_keepsTheLastSixteenAndNeverShowsThem() {
        RecentSecrets recent = new RecentSecrets();
        for (int i = 0; i < 20; i++) {
            recent.remember("refresh-token-" + i);
        }
        recent.remember("abc");
        recent.remember(null);
        assertThat(recent.values()).hasSize(16).startsWith("refresh-token-4").endsWith("refresh-token-19");
        assertThat(recent.toString()).isEqualTo("RecentSecrets[16]");
        assertThat(Redactor.SHAPES.and(recent.values()).redact("echo refresh-token-19")).isEqualTo("echo ****");
    }

    @Test
    void redact_nullAndEmpty_areReturned() {
        assertThat(redact(null)).isNull();
        assertThat(redact("")).isEmpty();
    }
}
