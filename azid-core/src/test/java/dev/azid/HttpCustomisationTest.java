package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.http.HttpRequest;
import dev.azid.http.HttpRequestInterceptor;
import dev.azid.http.HttpResponse;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Application id, custom headers and interceptors reach every request of every credential. */
class HttpCustomisationTest {

    private static final String TENANT = ClientSecretCredentialTest.TENANT;
    private static final String CLIENT = ClientSecretCredentialTest.CLIENT;
    private static final String SECRET = ClientSecretCredentialTest.SECRET;
    private static final String ARM = ClientSecretCredentialTest.ARM;
    private static final String IMDS_TOKEN = "{\"access_token\":\"mi-tok\",\"expires_in\":\"3599\",\"expires_on\":\"1795600000\","
            + "\"resource\":\"https://management.azure.com/\",\"token_type\":\"Bearer\"}";

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final ScriptedTransport transport = new ScriptedTransport();

    private CredentialOptions.Builder options() {
        return CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(transport)
                .executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5);
    }

    private void secretToken(CredentialOptions options) {
        ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET).options(options).build()
                .getToken(TokenRequestContext.of(ARM));
    }

    private void imdsToken(CredentialOptions options) {
        ManagedIdentityCredential.builder().options(options).osName("Linux").build().getToken(TokenRequestContext.of(ARM));
    }

    @Test
    void nothingSet_requestsAreAsBefore() {
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599)).thenJson(200, IMDS_TOKEN);
        secretToken(options().build());
        imdsToken(options().build());
        assertThat(transport.requests().get(0).headers().get("User-Agent")).startsWith("azid.java/");
        assertThat(transport.requests().get(1).headers()).containsOnlyKeys("Metadata");
    }

    @Test
    void applicationId_goesInFrontOfTheUserAgent_ofEveryRequest() {
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599)).thenJson(200, IMDS_TOKEN);
        secretToken(options().applicationId("inventory-svc/2.1").build());
        imdsToken(options().applicationId("inventory-svc/2.1").build());
        assertThat(transport.requests().get(0).headers().get("User-Agent")).matches("inventory-svc/2\\.1 azid\\.java/\\S+");
        assertThat(transport.requests().get(1).headers().get("User-Agent")).matches("inventory-svc/2\\.1 azid\\.java/\\S+");
    }

    @Test
    void header_isAddedToEveryRequest_butNeverReplacesAProtocolHeader() {
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599)).thenJson(200, IMDS_TOKEN);
        CredentialOptions o = options().header("x-ms-app-tag", "blue").header("metadata", "false")
                .header("Content-Type", "text/plain").build();
        secretToken(o);
        imdsToken(o);
        HttpRequest token = transport.requests().get(0);
        HttpRequest imds = transport.requests().get(1);
        assertThat(token.headers()).containsEntry("x-ms-app-tag", "blue")
                .containsEntry("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .doesNotContainKey("content-type");
        assertThat(imds.headers()).containsEntry("x-ms-app-tag", "blue").containsEntry("Metadata", "true")
                .doesNotContainKey("metadata");
        assertThat(o.headers()).containsExactly(Map.entry("x-ms-app-tag", "blue"), Map.entry("metadata", "false"),
                Map.entry("Content-Type", "text/plain"));
        assertThat(o.toString()).contains("x-ms-app-tag").doesNotContain("blue");
    }

    @Test
    void header_badOrReserved_isRefusedAtBuildNamingTheFix() {
        assertThatThrownBy(() -> CredentialOptions.builder().header("User-Agent", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CredentialOptions.applicationId");
        assertThatThrownBy(() -> CredentialOptions.builder().header("Host", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Host");
        assertThatThrownBy(() -> CredentialOptions.builder().header("bad name", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid HTTP header name");
        assertThatThrownBy(() -> CredentialOptions.builder().header("x-tag", "a\r\nInjected: 1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character")
                .hasMessageNotContaining("Injected");
        assertThatThrownBy(() -> CredentialOptions.builder().applicationId("my app").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without spaces");
        assertThatThrownBy(() -> CredentialOptions.builder().header(null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void interceptors_seeEveryAttempt_inTheOrderAdded_afterTheCustomHeaders() {
        transport.thenJson(503, "{}").thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpRequestInterceptor first = (request, next) -> {
            seen.add("first " + request.headers().get("x-ms-app-tag"));
            return next.send(request.withHeader("x-trace", "t-1"));
        };
        HttpRequestInterceptor second = (request, next) -> {
            seen.add("second " + request.headers().get("x-trace"));
            HttpResponse response = next.send(request);
            seen.add("second saw " + response.statusCode());
            return response;
        };
        secretToken(options().header("x-ms-app-tag", "blue").addInterceptor(first).addInterceptor(second).build());
        assertThat(seen).containsExactly("first blue", "second t-1", "second saw 503", "first blue", "second t-1",
                "second saw 200");
        assertThat(transport.requests()).hasSize(2)
                .allSatisfy(r -> assertThat(r.headers()).containsEntry("x-trace", "t-1"));
    }

    @Test
    void interceptor_reachesManagedIdentityRequestsToo() {
        transport.thenJson(200, IMDS_TOKEN);
        List<URI> seen = new CopyOnWriteArrayList<>();
        imdsToken(options().addInterceptor((request, next) -> {
            seen.add(request.uri());
            return next.send(request);
        }).build());
        assertThat(seen).singleElement().satisfies(u -> assertThat(u.getPath()).isEqualTo("/metadata/identity/oauth2/token"));
    }

    @Test
    void interceptor_returningNoResponse_failsNamingIt() {
        HttpRequestInterceptor broken = (request, next) -> null;
        assertThatThrownBy(() -> ScriptedTransport.failing().with(broken).send(HttpRequest.get(URI.create("https://x.example/"),
                Map.of(), Duration.ofSeconds(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HttpRequestInterceptor")
                .hasMessageContaining("returned no response");
    }

    @Test
    void defaultAzureCredential_members_getTheHeaders() {
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        DefaultAzureCredential.builder().options(options().environment(Environment.of(Map.of("AZURE_TENANT_ID", TENANT,
                "AZURE_CLIENT_ID", CLIENT, "AZURE_CLIENT_SECRET", SECRET))).applicationId("dac-app").header("x-tag", "1")
                .build()).build().getToken(TokenRequestContext.of(ARM));
        assertThat(transport.requests().get(0).headers()).containsEntry("x-tag", "1")
                .hasEntrySatisfying("User-Agent", ua -> assertThat(ua).startsWith("dac-app azid.java/"));
    }
}
