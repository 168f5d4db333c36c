package dev.azid.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.emulator.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Transparent mode through the JDK's own HTTP client: a proxy selector naming the emulator's proxy and
 * a TLS context trusting the emulator's CA are all a client needs to reach the emulator as
 * {@code login.microsoftonline.com} and the other real hosts.
 */
@AzidEmulator
class TransparentModeTest {

    private static final String TID = EmulatorConfig.DEFAULT_TENANT_ID;

    private static HttpClient client(EntraEmulator emulator) {
        URI proxy = emulator.endpoints().proxyUrl();
        return HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort())))
                .sslContext(emulator.sslContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(EntraEmulator emulator, String url) throws Exception {
        return client(emulator).send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> token(EntraEmulator emulator, String host, String scope) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + EmulatorConfig.DEFAULT_CLIENT_ID + "&client_secret="
                + URLEncoder.encode(EmulatorConfig.DEFAULT_CLIENT_SECRET, StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8);
        return client(emulator).send(HttpRequest.newBuilder(URI.create("https://" + host + "/" + TID + "/oauth2/v2.0/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> claims(HttpResponse<String> r) {
        return EmulatorClient.claims((String) Json.parseObject(r.body()).get("access_token"));
    }

    @Test
    void token_onLoginMicrosoftOnlineCom_issuesTokensNamingTheRealHosts(EntraEmulator emulator) throws Exception {
        emulator.requestLog().clear();
        HttpResponse<String> v1 = token(emulator, "login.microsoftonline.com", "https://management.azure.com/.default");
        HttpResponse<String> v2 = token(emulator, "login.microsoftonline.com", "api://azid-demo-api/.default");

        assertThat(v1.statusCode()).isEqualTo(200);
        assertThat(claims(v1)).containsEntry("iss", "https://sts.windows.net/" + TID + "/")
                .containsEntry("aud", "https://management.azure.com/").containsEntry("tid", TID)
                .containsEntry("appid", EmulatorConfig.DEFAULT_CLIENT_ID);
        assertThat(claims(v2)).containsEntry("iss", "https://login.microsoftonline.com/" + TID + "/v2.0")
                .containsEntry("azp", EmulatorConfig.DEFAULT_CLIENT_ID).containsEntry("ver", "2.0");
        X509Certificate leaf = (X509Certificate) v1.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(2, "login.microsoftonline.com"));
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(emulator.caCertificate().getSubjectX500Principal());
        assertThat(emulator.requestLog().all()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("CONNECT");
            assertThat(r.path()).isEqualTo("login.microsoftonline.com:443");
            assertThat(r.status()).isEqualTo(200);
        });
        assertThat(emulator.requestLog().matching("/" + TID + "/oauth2/v2.0/token")).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.header("host")).contains("login.microsoftonline.com");
                    assertThat(r.https()).isTrue();
                    assertThat(r.form()).containsEntry("client_secret", RecordedRequest.MASK);
                });
    }

    @Test
    void token_onAliasesAndSovereignHosts_usesEachCloudsIssuers(EntraEmulator emulator) throws Exception {
        String arm = "https://management.azure.com/.default";
        assertThat(claims(token(emulator, "login.windows.net", "api://azid-demo-api/.default")))
                .containsEntry("iss", "https://login.microsoftonline.com/" + TID + "/v2.0");
        assertThat(claims(token(emulator, "login.microsoftonline.us", arm))).containsEntry("iss", "https://sts.windows.net/" + TID + "/");
        assertThat(claims(token(emulator, "login.microsoftonline.us", "api://azid-demo-api/.default")))
                .containsEntry("iss", "https://login.microsoftonline.us/" + TID + "/v2.0");
        assertThat(claims(token(emulator, "login.chinacloudapi.cn", arm)))
                .containsEntry("iss", "https://sts.chinacloudapi.cn/" + TID + "/");
        assertThat(claims(token(emulator, "login.chinacloudapi.cn", "api://azid-demo-api/.default")))
                .containsEntry("iss", "https://login.partner.microsoftonline.cn/" + TID + "/v2.0");
        assertThat(claims(token(emulator, "login.microsoftonline.de", arm)))
                .containsEntry("iss", "https://sts.microsoftonline.de/" + TID + "/");
    }

    @Test
    void instanceDiscovery_onTheRealHost_answersInEntrasShape(EntraEmulator emulator) throws Exception {
        HttpResponse<String> r = get(emulator, "https://login.microsoftonline.com/common/discovery/instance?api-version=1.1"
                + "&authorization_endpoint=https://login.microsoftonline.com/" + TID + "/oauth2/v2.0/authorize");

        Map<String, Object> doc = Json.parseObject(r.body());
        assertThat(doc).containsEntry("tenant_discovery_endpoint", "https://login.microsoftonline.com/" + TID
                + "/v2.0/.well-known/openid-configuration").containsEntry("api-version", "1.1");
        assertThat((List<?>) doc.get("metadata")).hasSize(5).first().isEqualTo(Map.of(
                "preferred_network", "login.microsoftonline.com", "preferred_cache", "login.windows.net",
                "aliases", List.of("login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net")));
        HttpResponse<String> unknown = get(emulator, "https://login.microsoftonline.com/common/discovery/instance"
                + "?api-version=1.1&authorization_endpoint=https://login.example.com/common/oauth2/v2.0/authorize");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Json.parseObject(unknown.body())).containsEntry("error", "invalid_instance");
    }

    @Test
    void openidConfiguration_onAnAlias_namesTheCanonicalIssuer(EntraEmulator emulator) throws Exception {
        Map<String, Object> v2 = Json.parseObject(get(emulator, "https://login.windows.net/" + TID
                + "/v2.0/.well-known/openid-configuration").body());
        Map<String, Object> v1 = Json.parseObject(get(emulator, "https://login.microsoftonline.com/" + TID
                + "/.well-known/openid-configuration").body());

        assertThat(v2).containsEntry("issuer", "https://login.microsoftonline.com/" + TID + "/v2.0")
                .containsEntry("token_endpoint", "https://login.windows.net/" + TID + "/oauth2/v2.0/token")
                .containsEntry("cloud_instance_name", "microsoftonline.com");
        assertThat(v1).containsEntry("issuer", "https://sts.windows.net/" + TID + "/");
    }

    @Test
    void keyVaultAndArm_onRealHosts_challengeToTheirCloudsEntraHost(EntraEmulator emulator) throws Exception {
        HttpResponse<String> vault = get(emulator, "https://myvault.vault.azure.net/secrets/s1?api-version=7.5");
        HttpResponse<String> arm = get(emulator, "https://management.azure.com/subscriptions?api-version=2022-12-01");

        assertThat(vault.statusCode()).isEqualTo(401);
        assertThat(vault.headers().firstValue("WWW-Authenticate")).contains("Bearer authorization=\"https://login"
                + ".microsoftonline.com/" + TID + "\", resource=\"https://vault.azure.net\"");
        assertThat(arm.statusCode()).isEqualTo(401);
        assertThat(arm.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer authorization_uri=\"https://login.microsoftonline.com/" + TID + "\"");
        X509Certificate leaf = (X509Certificate) vault.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(2, "myvault.vault.azure.net"));
    }

    @Test
    void armMetadata_onTheRealHost_namesTheRealCloudAndItsEntraHost(EntraEmulator emulator) throws Exception {
        HttpResponse<String> v2015 = get(emulator, "https://management.azure.com/metadata/endpoints?api-version=2015-01-01");
        HttpResponse<String> v2022 = get(emulator, "https://management.azure.com/metadata/endpoints?api-version=2022-09-01");
        HttpResponse<String> local = new EmulatorClient(emulator).get(emulator.authorityHost()
                + "/metadata/endpoints?api-version=2022-09-01");

        assertThat(Json.parseObject(v2015.body()).get("authentication"))
                .isEqualTo(Map.of("loginEndpoint", "https://login.microsoftonline.com/",
                        "audiences", List.of("https://management.core.windows.net/", "https://management.azure.com/")));
        assertThat(v2022.body()).contains("\"name\":\"AzureCloud\"")
                .contains("\"loginEndpoint\":\"https://login.microsoftonline.com/\"")
                .contains("\"resourceManager\":\"https://management.azure.com/\"");
        assertThat(local.body()).contains("\"name\":\"AzidEmulator\"")
                .contains("\"loginEndpoint\":\"" + emulator.authorityHost() + "/\"");
    }

    @Test
    void connect_toAnyOtherHost_isRefusedWith403AndLogged(EntraEmulator emulator) throws Exception {
        assertThat(rawProxyRequest(emulator, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"))
                .startsWith("HTTP/1.1 403 ");
        assertThat(rawProxyRequest(emulator, "CONNECT login.microsoftonline.com:80 HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 403 ");
        assertThat(rawProxyRequest(emulator, "GET http://login.microsoftonline.com/common/discovery/instance?x=secret "
                + "HTTP/1.1\r\nHost: login.microsoftonline.com\r\n\r\n")).startsWith("HTTP/1.1 403 ");
        assertThatThrownBy(() -> get(emulator, "https://example.com/")).isInstanceOf(IOException.class)
                .hasMessageContaining("403");

        assertThat(emulator.requestLog().all()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("CONNECT");
            assertThat(r.path()).isEqualTo("example.com:443");
            assertThat(r.status()).isEqualTo(403);
        }).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("http://login.microsoftonline.com/common/discovery/instance");
            assertThat(r.status()).isEqualTo(403);
        });
    }

    @Test
    void proxy_oversizedRequestHead_isRefusedWith431(EntraEmulator emulator) throws Exception {
        String huge = "CONNECT login.microsoftonline.com:443 HTTP/1.1\r\nX-Filler: " + "a".repeat(9000) + "\r\n\r\n";
        assertThat(rawProxyRequest(emulator, huge)).startsWith("HTTP/1.1 431 ");
    }

    @Test
    void endpoints_nameTheProxyOnlyWhenOn(EntraEmulator emulator) {
        assertThat(emulator.endpoints().toMap()).containsEntry("proxyUrl", emulator.endpoints().proxyUrl().toString());
        assertThat(emulator.endpoints().proxyUrl().toString()).matches("http://127\\.0\\.0\\.1:[0-9]+");
        try (EntraEmulator plain = EntraEmulator.builder().start()) {
            assertThat(plain.endpoints().proxyUrl()).isNull();
            assertThat(plain.endpoints().toMap()).doesNotContainKey("proxyUrl");
            assertThat(plain.endpoints().toJson()).doesNotContain("proxyUrl");
        }
    }

    @Test
    void parse_proxyFlag_turnsTransparentModeOn() {
        try (EntraEmulator e = EmulatorMain.parse(new String[] {"--proxy", "--port", "0"}).start()) {
            assertThat(e.endpoints().toJson()).contains("\"proxyUrl\":\"http://127.0.0.1:");
        }
    }

    private static String rawProxyRequest(EntraEmulator emulator, String head) throws IOException {
        URI proxy = emulator.endpoints().proxyUrl();
        try (Socket s = new Socket(proxy.getHost(), proxy.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(64), StandardCharsets.ISO_8859_1);
        }
    }
}
