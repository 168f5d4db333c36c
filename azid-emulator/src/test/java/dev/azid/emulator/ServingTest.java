package dev.azid.emulator;

import static dev.azid.emulator.EmulatorClient.json;
import static dev.azid.emulator.EmulatorClient.secretForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** Discovery, ARM, faults, TLS and the standalone entry point. */
@AzidEmulator
class ServingTest {

    private static final String ARM = "https://management.azure.com/.default";

    private static String token(EmulatorClient c, String scope) throws Exception {
        return (String) json(c.token(EmulatorConfig.DEFAULT_TENANT_ID, secretForm(scope))).get("access_token");
    }

    @Test
    void openidConfiguration_servesEndpointsForTenantAndAliases(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        Map<String, Object> doc = json(c.get(emulator.authorityHost() + "/" + EmulatorConfig.DEFAULT_TENANT_DOMAIN
                + "/v2.0/.well-known/openid-configuration"));
        assertThat(doc).containsEntry("issuer", emulator.authorityHost() + "/" + EmulatorConfig.DEFAULT_TENANT_ID + "/v2.0")
                .containsEntry("token_endpoint", emulator.authorityHost() + "/" + EmulatorConfig.DEFAULT_TENANT_DOMAIN
                        + "/oauth2/v2.0/token").containsKeys("jwks_uri", "authorization_endpoint", "device_authorization_endpoint");
        assertThat(json(c.get(emulator.authorityHost() + "/common/v2.0/.well-known/openid-configuration")).get("issuer"))
                .asString().contains("{tenantid}");
        assertThat(c.get(emulator.authorityHost() + "/nope/v2.0/.well-known/openid-configuration").statusCode()).isEqualTo(400);
    }

    @Test
    void instanceDiscovery_listsEmulatorHost(EntraEmulator emulator) throws Exception {
        Map<String, Object> doc = json(new EmulatorClient(emulator).get(emulator.authorityHost()
                + "/common/discovery/instance?api-version=1.1&authorization_endpoint=" + emulator.authorityHost()
                + "/t1/oauth2/v2.0/authorize"));
        assertThat(doc).containsEntry("api-version", "1.1");
        assertThat(doc.get("tenant_discovery_endpoint")).asString().contains("/t1/v2.0/.well-known/openid-configuration");
    }

    @Test
    void arm_validToken_listsSubscriptions(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        for (String scope : List.of(ARM, emulator.endpoints().armEndpoint() + ".default")) {
            HttpResponse<String> r = c.get(emulator.endpoints().armEndpoint() + "subscriptions?api-version=2022-12-01",
                    "Authorization", "Bearer " + token(c, scope));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(json(r).get("value")).asList().hasSize(2);
            assertThat(r.body()).contains(EmulatorConfig.DEFAULT_SUBSCRIPTION_ID);
        }
    }

    @Test
    void arm_missingBadOrWrongAudienceToken_is401WithChallenge(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        String url = emulator.endpoints().armEndpoint() + "subscriptions?api-version=2022-12-01";
        HttpResponse<String> none = c.get(url);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer authorization_uri=\"" + emulator.authorityHost()));
        assertThat(json(none).toString()).contains("AuthenticationFailed");
        String vault = token(c, "https://vault.azure.net/.default");
        assertThat(json(c.get(url, "Authorization", "Bearer " + vault)).toString()).contains("InvalidAuthenticationTokenAudience");
        String arm = token(c, ARM);
        String tampered = arm.substring(0, arm.length() - 4) + (arm.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(c.get(url, "Authorization", "Bearer " + tampered).statusCode()).isEqualTo(401);
    }

    @Test
    void arm_expiredToken_is401() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
                Instant.now().minus(Duration.ofHours(3)));
        Clock movable = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        try (EntraEmulator e = EntraEmulator.builder().clock(movable).start()) {
            EmulatorClient c = new EmulatorClient(e);
            String t = token(c, ARM);
            now.set(Instant.now());
            HttpResponse<String> r = c.get(e.endpoints().armEndpoint() + "subscriptions", "Authorization", "Bearer " + t);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("ExpiredAuthenticationToken");
        }
    }

    @Test
    void faults_statusRetryAfterForNextTwo_thenNormal(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        emulator.faults().on("/oauth2/v2.0/token").next(2).status(503).retryAfter("3");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = c.token(EmulatorConfig.DEFAULT_TENANT_ID, secretForm(ARM));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("3");
        }
        assertThat(c.token(EmulatorConfig.DEFAULT_TENANT_ID, secretForm(ARM)).statusCode()).isEqualTo(200);
    }

    @Test
    void faults_dropConnection_clientSeesIoError(EntraEmulator emulator) {
        emulator.faults().on("/oauth2/v2.0/token").dropConnection();
        assertThatThrownBy(() -> new EmulatorClient(emulator).token(EmulatorConfig.DEFAULT_TENANT_ID, secretForm(ARM)))
                .isInstanceOf(IOException.class);
        // Another test's delayed request (an empty form, answered 400) may be logged after this one.
        List<RecordedRequest> secretRequests = emulator.requestLog().matching("/oauth2/v2.0/token").stream()
                .filter(r -> "client_credentials".equals(r.form().get("grant_type"))).toList();
        assertThat(secretRequests.get(secretRequests.size() - 1).status()).isZero();
    }

    @Test
    void faults_malformedBodyAndDelay(EntraEmulator emulator) throws Exception {
        emulator.faults().on("/oauth2/v2.0/token").malformedBody();
        HttpResponse<String> r = new EmulatorClient(emulator).token(EmulatorConfig.DEFAULT_TENANT_ID, secretForm(ARM));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> json(r)).isInstanceOf(IllegalArgumentException.class);
        emulator.faults().on("/oauth2/v2.0/token").delay(Duration.ofMillis(1500));
        HttpClient impatient = HttpClient.newBuilder().sslContext(emulator.sslContext()).build();
        assertThatThrownBy(() -> impatient.send(HttpRequest.newBuilder(URI.create(emulator.authorityHost() + "/"
                + EmulatorConfig.DEFAULT_TENANT_ID + "/oauth2/v2.0/token")).timeout(Duration.ofMillis(300))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void tls_defaultTrustFails_trustStoreFileWorks(EntraEmulator emulator) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(emulator.authorityHost() + "/common/discovery/keys"))
                .timeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(emulator.endpoints().trustStore().toFile())) {
            ks.load(in, emulator.endpoints().trustStorePassword().toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        assertThat(HttpClient.newBuilder().sslContext(ctx).build().send(req, HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        assertThat(java.nio.file.Files.readString(emulator.endpoints().caCertificate())).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void plainHttp_servesTheSameRoutes(EntraEmulator emulator) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                emulator.endpoints().httpAuthorityHost() + "/common/discovery/keys")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(emulator.requestLog().last().https()).isFalse();
    }

    @Test
    void main_printsOneJsonLineWithUrls(EntraEmulator emulator) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmulatorMain.printStartLine(emulator, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        assertThat(dev.azid.emulator.internal.Json.parseObject(text)).containsEntry("authorityHost",
                emulator.authorityHost().toString()).containsKeys("armEndpoint", "caCertificate", "trustStore", "tenantId");
    }

    @Test
    void main_badArguments_areRefused() {
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port", "99999"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--bogus", "1"})).hasMessageContaining("unknown");
        assertThat(EmulatorMain.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void close_isIdempotentAndFreesThePort() throws Exception {
        EntraEmulator e = EntraEmulator.builder().start();
        int port = e.authorityHost().getPort();
        e.close();
        e.close();
        try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(s.getLocalPort()).isEqualTo(port);
        }
    }
}
