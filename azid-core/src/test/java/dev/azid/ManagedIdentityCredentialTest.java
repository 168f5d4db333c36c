package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.http.HttpRequest;
import dev.azid.test.LogCapture;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManagedIdentityCredentialTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.bWktc2ln";
    private static final String HEADER = "identity-header-secret-value";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ScriptedTransport transport = new ScriptedTransport();

    private ManagedIdentityCredential.Builder builder(Map<String, String> env) {
        return builder(env, transport);
    }

    private ManagedIdentityCredential.Builder builder(Map<String, String> env, ScriptedTransport over) {
        return ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env))
                .httpTransport(over).executor(Runnable::run).clock(clock).sleeper(sleeper, () -> 0.5).build()).osName("Linux");
    }

    private static String imdsToken(long expiresOn) {
        return "{\"access_token\":\"" + TOKEN + "\",\"refresh_token\":\"\",\"expires_in\":\"86399\",\"expires_on\":\""
                + expiresOn + "\",\"not_before\":\"1795600000\",\"resource\":\"https://management.azure.com/\","
                + "\"token_type\":\"Bearer\"}";
    }

    static Stream<Arguments> detection() {
        return Stream.of(
                Arguments.of(Map.of(), "IMDS"),
                Arguments.of(Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:41000/msi/token", "IDENTITY_HEADER", "h"), "App Service"),
                Arguments.of(Map.of("IDENTITY_ENDPOINT", "https://10.0.0.4:2377/metadata/identity/oauth2/token",
                        "IDENTITY_HEADER", "h", "IDENTITY_SERVER_THUMBPRINT", "a".repeat(40)), "Service Fabric"),
                Arguments.of(Map.of("IDENTITY_ENDPOINT", "http://localhost:40342/metadata/identity/oauth2/token",
                        "IMDS_ENDPOINT", "http://localhost:40342"), "Azure Arc"),
                Arguments.of(Map.of("MSI_ENDPOINT", "http://127.0.0.1:46808/", "MSI_SECRET", "s"), "Azure ML / App Service (2017-09-01)"),
                Arguments.of(Map.of("MSI_ENDPOINT", "http://localhost:50342/oauth2/token"), "Cloud Shell"),
                Arguments.of(Map.of("IDENTITY_ENDPOINT", "http://x/", "IDENTITY_HEADER", "h", "MSI_ENDPOINT", "http://y/",
                        "MSI_SECRET", "s"), "App Service"));
    }

    @ParameterizedTest
    @MethodSource("detection")
    void build_detectsSourceInDocumentedOrder(Map<String, String> env, String source) {
        assertThat(ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env)).httpTransport(ScriptedTransport.failing()).build()).osName("Linux").build().source()).isEqualTo(source);
    }

    @Test
    void imds_systemAssigned_requestShapeAndParsing() {
        transport.thenJson(200, imdsToken(1795686399));
        AccessToken t = builder(Map.of()).build().getToken(TokenRequestContext.of(ARM));
        assertThat(t.token()).isEqualTo(TOKEN);
        assertThat(t.expiresAt()).isEqualTo(Instant.ofEpochSecond(1795686399));
        HttpRequest r = transport.requests().get(0);
        assertThat(r.uri()).hasToString("http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01"
                + "&resource=https%3A%2F%2Fmanagement.azure.com");
        assertThat(r.headers()).containsEntry("Metadata", "true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"clientId:client_id", "resourceId:msi_res_id", "objectId:object_id"})
    void imds_userAssigned_sendsTheRightParameter(String spec) {
        transport.thenJson(200, imdsToken(1795686399));
        String[] p = spec.split(":");
        ManagedIdentityCredential.Builder b = builder(Map.of());
        switch (p[0]) {
            case "clientId" -> b.clientId("abc");
            case "resourceId" -> b.resourceId("/subscriptions/s/rg/x");
            default -> b.objectId("abc");
        }
        b.build().getToken(TokenRequestContext.of(ARM));
        assertThat(transport.requests().get(0).uri().getRawQuery()).contains("&" + p[1] + "=");
    }

    @Test
    void imds_podIdentityHostOverride_isUsed() {
        transport.thenJson(200, imdsToken(1795686399));
        builder(Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://10.1.2.3:2579/")).build()
                .getToken(TokenRequestContext.of(ARM));
        assertThat(transport.requests().get(0).uri().toString()).startsWith("http://10.1.2.3:2579/metadata/identity/oauth2/token?");
    }

    @Test
    void imds_retries404_429_5xx_withBackoff() {
        transport.thenJson(404, "{}").thenJson(429, "{}").thenJson(503, "{}").thenJson(200, imdsToken(1795686399));
        builder(Map.of()).build().getToken(TokenRequestContext.of(ARM));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(800), Duration.ofMillis(1600), Duration.ofMillis(3200));
    }

    @Test
    void imds_410_keepsRetryingForMoreThan70Seconds() {
        transport.always(r -> ScriptedTransport.json(410, "{\"error\":\"gone\"}", Map.of()));
        assertThatThrownBy(() -> builder(Map.of()).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("HTTP 410");
        long total = sleeper.sleeps().stream().mapToLong(Duration::toMillis).sum();
        assertThat(total).isGreaterThanOrEqualTo(70_000);
        assertThat(transport.calls()).isEqualTo(6);
    }

    @Test
    void imds_400_isUnavailableNamingTheIdentity() {
        transport.thenJson(400, "{\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"}");
        assertThatThrownBy(() -> builder(Map.of()).clientId("cid-1").build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class)
                .hasMessageContaining("client id cid-1").hasMessageContaining("Identity not found");
    }

    @Test
    void imds_dockerUnreachable403_isUnavailable() {
        transport.thenJson(403, "{\"error\":\"A socket operation was attempted to an unreachable network.\"}");
        assertThatThrownBy(() -> builder(Map.of()).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("unreachable");
    }

    @Test
    void imds_noAnswer_isUnavailable() {
        transport.always(r -> {
            throw new java.net.ConnectException("Connection refused");
        });
        assertThatThrownBy(() -> builder(Map.of()).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("no managed identity endpoint answered");
    }

    @Test
    void imds_otherError_isFailure() {
        transport.thenJson(401, "{\"error\":\"unauthorized\",\"error_description\":\"nope\"}");
        assertThatThrownBy(() -> builder(Map.of()).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("HTTP 401: unauthorized: nope");
    }

    @Test
    void appService_requestShapeAndIdParameters() {
        Map<String, String> env = Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:41000/msi/token", "IDENTITY_HEADER", HEADER);
        transport.always(r -> ScriptedTransport.json(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_on\":\"1795686399\","
                + "\"resource\":\"https://management.azure.com\",\"token_type\":\"Bearer\",\"client_id\":\"c\"}", Map.of()));
        builder(env).build().getToken(TokenRequestContext.of(ARM));
        builder(env).resourceId("/sub/x").build().getToken(TokenRequestContext.of(ARM));
        builder(env).objectId("oid-9").build().getToken(TokenRequestContext.of(ARM));
        assertThat(transport.requests().get(0).uri()).hasToString("http://127.0.0.1:41000/msi/token?api-version=2019-08-01"
                + "&resource=https%3A%2F%2Fmanagement.azure.com");
        assertThat(transport.requests().get(0).headers()).containsEntry("X-IDENTITY-HEADER", HEADER);
        assertThat(transport.requests().get(1).uri().getRawQuery()).contains("mi_res_id=%2Fsub%2Fx");
        assertThat(transport.requests().get(2).uri().getRawQuery()).contains("principal_id=oid-9");
        logs.assertNoSecrets(HEADER, TOKEN);
    }

    @Test
    void azureMl_legacyDateAndDefaultClientId() {
        transport.thenJson(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_on\":\"11/24/2026 14:30:00 +00:00\","
                + "\"resource\":\"https://management.azure.com\",\"token_type\":\"Bearer\"}");
        AccessToken t = builder(Map.of("MSI_ENDPOINT", "http://127.0.0.1:46808/", "MSI_SECRET", HEADER,
                "DEFAULT_IDENTITY_CLIENT_ID", "ml-client")).build().getToken(TokenRequestContext.of(ARM));
        assertThat(t.expiresAt()).isEqualTo(Instant.parse("2026-11-24T14:30:00Z"));
        HttpRequest r = transport.requests().get(0);
        assertThat(r.uri().getRawQuery()).isEqualTo("api-version=2017-09-01&resource=https%3A%2F%2Fmanagement.azure.com"
                + "&clientid=ml-client");
        assertThat(r.headers()).containsEntry("secret", HEADER);
        assertThatThrownBy(() -> builder(Map.of("MSI_ENDPOINT", "http://127.0.0.1:46808/", "MSI_SECRET", "s"))
                .objectId("o").build().getToken(TokenRequestContext.of(ARM))).hasMessageContaining("by client id only");
    }

    @Test
    void cloudShell_postsFormAndRefusesUserAssigned() {
        transport.thenJson(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_on\":\"1795686399\"}");
        builder(Map.of("MSI_ENDPOINT", "http://localhost:50342/oauth2/token")).build().getToken(TokenRequestContext.of(ARM));
        HttpRequest r = transport.requests().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(transport.lastBody()).isEqualTo("resource=https%3A%2F%2Fmanagement.azure.com");
        assertThat(r.headers()).containsEntry("Metadata", "true");
        ScriptedTransport none = new ScriptedTransport();
        assertThatThrownBy(() -> builder(Map.of("MSI_ENDPOINT", "http://localhost:50342/oauth2/token"), none)
                .clientId("c").build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("Cloud Shell does not support");
        assertThat(none.calls()).isZero();
    }

    @Test
    void serviceFabric_userAssigned_unavailableBeforeAnyRequest() {
        ScriptedTransport none = new ScriptedTransport();
        assertThatThrownBy(() -> builder(Map.of("IDENTITY_ENDPOINT", "https://127.0.0.1:2377/", "IDENTITY_HEADER", "h",
                "IDENTITY_SERVER_THUMBPRINT", "a".repeat(40)), none).resourceId("/sub/x").build()
                .getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("Service Fabric does not support");
        assertThat(none.calls()).isZero();
    }

    static Stream<Arguments> expiryFormats() {
        return Stream.of(Arguments.of("\"expires_on\":1795686399", Instant.ofEpochSecond(1795686399)),
                Arguments.of("\"expires_on\":\"1795686399\"", Instant.ofEpochSecond(1795686399)),
                Arguments.of("\"expires_on\":\"11/25/2026 03:04:05 +00:00\"", Instant.parse("2026-11-25T03:04:05Z")),
                Arguments.of("\"expires_in\":\"3600\"", Instant.parse("2026-11-24T11:00:00Z")),
                Arguments.of("\"expires_in\":3600", Instant.parse("2026-11-24T11:00:00Z")));
    }

    @ParameterizedTest
    @MethodSource("expiryFormats")
    void everyExpiryFormat_isParsed(String field, Instant expected) {
        transport.thenJson(200, "{\"access_token\":\"" + TOKEN + "\"," + field + "}");
        assertThat(builder(Map.of()).build().getToken(TokenRequestContext.of(ARM)).expiresAt()).isEqualTo(expected);
    }

    @Test
    void garbageExpiry_isClearFailure() {
        transport.thenJson(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_on\":\"tomorrow-ish\"}");
        assertThatThrownBy(() -> builder(Map.of()).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("expires_on is neither")
                .hasMessageNotContaining("tomorrow");
    }

    @Test
    void longLivedToken_refreshesAtHalfLifetime_andIsCached() {
        transport.thenJson(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":86400}");
        ManagedIdentityCredential c = builder(Map.of()).build();
        AccessToken t = c.getToken(TokenRequestContext.of(ARM));
        assertThat(t.refreshAt()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));
        c.getToken(TokenRequestContext.of("https://management.azure.com"));
        assertThat(transport.calls()).isEqualTo(1);
    }

    @Test
    void build_twoIds_isRefused() {
        assertThatThrownBy(() -> ManagedIdentityCredential.builder().clientId("a").objectId("b").build())
                .hasMessageContaining("at most one");
    }

    @Test
    void twoScopes_isRefused() {
        assertThatThrownBy(() -> builder(Map.of()).build().getToken(TokenRequestContext.of(ARM, "https://x/.default")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
