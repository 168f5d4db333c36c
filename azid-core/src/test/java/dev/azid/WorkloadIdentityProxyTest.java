package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.azid.test.LogCapture;
import dev.azid.test.ScriptedTransport;
import dev.azid.test.TestCertificates;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workload identity through the AKS identity binding proxy: a local HTTPS server on 127.0.0.1 with a
 * certificate from a test CA plays the proxy; it records the path, the server name the client sent,
 * and the body of every token request.
 */
class WorkloadIdentityProxyTest {

    private static final String TENANT = ClientSecretCredentialTest.TENANT;
    private static final String CLIENT = ClientSecretCredentialTest.CLIENT;
    private static final String SNI = "proxy.ib.azid.test";
    private static final String ARM = ClientSecretCredentialTest.ARM;
    private static final String FEDERATED = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.ZmVkZXJhdGVk";
    private static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJwcm94eSI6InllcyJ9.c2lnbmF0dXJl";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private final TestCertificates certs = TestCertificates.valid();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpsServer server;
    private Path tokenFile;

    @BeforeEach
    void startProxy() throws Exception {
        KeyStore keys = certs.serverKeyStore(SNI);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            ((ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession()).getRequestedServerNames()
                    .forEach(n -> serverNames.add(((SNIHostName) n).getAsciiName()));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = ScriptedTransport.tokenJson(TOKEN, 3600).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        tokenFile = Files.writeString(dir.resolve("token"), FEDERATED);
    }

    @AfterEach
    void stopProxy() {
        server.stop(0);
    }

    private String proxyUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/ib";
    }

    private Map<String, String> variables(String... extra) {
        Map<String, String> env = new HashMap<>(Map.of("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString(),
                "AZURE_CLIENT_ID", CLIENT, "AZURE_TENANT_ID", TENANT));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    private WorkloadIdentityCredential credential(Map<String, String> env) {
        return WorkloadIdentityCredential.builder().enableAzureProxy().options(CredentialOptions.builder()
                .environment(Environment.of(env)).sleeper(d -> { }, () -> 0.5).build()).build();
    }

    private static String get(TokenCredential c) {
        return c.getToken(TokenRequestContext.of(ARM)).token();
    }

    @Test
    void getToken_caDataAndSniName_postsToTheProxyWithThatServerName() {
        String token = get(credential(variables("AZURE_KUBERNETES_TOKEN_PROXY", proxyUrl(), "AZURE_KUBERNETES_SNI_NAME", SNI,
                "AZURE_KUBERNETES_CA_DATA", certs.caPem())));

        assertThat(token).isEqualTo(TOKEN);
        assertThat(paths).containsExactly("/ib/" + TENANT + "/oauth2/v2.0/token");
        assertThat(serverNames).containsExactly(SNI);
        assertThat(bodies.get(0)).contains("client_assertion=" + FEDERATED).contains("client_id=" + CLIENT);
        logs.assertNoSecrets(FEDERATED, TOKEN);
    }

    @Test
    void getToken_caFile_trustsTheFileAndReadsItAgainWhenItChanges() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), TestCertificates.valid().caPem());
        WorkloadIdentityCredential c = credential(variables("AZURE_KUBERNETES_TOKEN_PROXY", proxyUrl(),
                "AZURE_KUBERNETES_SNI_NAME", SNI, "AZURE_KUBERNETES_CA_FILE", ca.toString()));

        assertThatThrownBy(() -> get(c)).isInstanceOf(CredentialException.class);
        assertThat(paths).as("an untrusted proxy never sees the request").isEmpty();

        Files.writeString(ca, certs.caPem());
        assertThat(get(c)).isEqualTo(TOKEN);
        assertThat(serverNames).containsExactly(SNI);
    }

    @Test
    void getToken_certificateDoesNotNameTheSniName_refusesTheProxy() {
        WorkloadIdentityCredential c = credential(variables("AZURE_KUBERNETES_TOKEN_PROXY", proxyUrl(),
                "AZURE_KUBERNETES_SNI_NAME", "other.ib.azid.test", "AZURE_KUBERNETES_CA_DATA", certs.caPem()));

        assertThatThrownBy(() -> get(c)).isInstanceOf(CredentialException.class);
        assertThat(bodies).isEmpty();
    }

    @Test
    void getToken_noSniName_certificateMustNameTheUrlHost() {
        WorkloadIdentityCredential c = credential(variables("AZURE_KUBERNETES_TOKEN_PROXY", proxyUrl(),
                "AZURE_KUBERNETES_CA_DATA", certs.caPem()));

        assertThatThrownBy(() -> get(c)).isInstanceOf(CredentialException.class);
        assertThat(bodies).as("the certificate names " + SNI + ", not 127.0.0.1").isEmpty();
    }

    @Test
    void getToken_missingCaFile_failsNamingThePath() {
        Path missing = dir.resolve("absent-ca.pem");
        assertThatThrownBy(() -> get(credential(variables("AZURE_KUBERNETES_TOKEN_PROXY", proxyUrl(),
                "AZURE_KUBERNETES_CA_FILE", missing.toString()))))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining(missing.toString())
                .hasMessageContaining("AZURE_KUBERNETES_CA_FILE");
    }

    @Test
    void getToken_emptyCaFileAtFirst_failsSayingSo() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> get(credential(variables("AZURE_KUBERNETES_TOKEN_PROXY", proxyUrl(),
                "AZURE_KUBERNETES_CA_FILE", empty.toString()))))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("is empty");
    }

    @Test
    void build_caDataNotPem_failsNamingTheVariableNotItsContent() {
        String junk = "not-a-certificate-but-private-looking-value-123";
        assertThatThrownBy(() -> get(credential(variables("AZURE_KUBERNETES_TOKEN_PROXY", proxyUrl(),
                "AZURE_KUBERNETES_CA_DATA", junk))))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("AZURE_KUBERNETES_CA_DATA")
                .satisfies(e -> assertThat(dev.azid.test.Leaks.visibleText(e)).doesNotContain(junk));
        assertThat(logs.all()).doesNotContain(junk);
    }

    @Test
    void build_invalidProxySettings_failNamingTheVariable() {
        assertThatThrownBy(() -> get(credential(variables("AZURE_KUBERNETES_SNI_NAME", SNI))))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("AZURE_KUBERNETES_TOKEN_PROXY is not set");
        assertThatThrownBy(() -> get(credential(variables("AZURE_KUBERNETES_TOKEN_PROXY", proxyUrl(),
                "AZURE_KUBERNETES_CA_FILE", "/ca.pem", "AZURE_KUBERNETES_CA_DATA", certs.caPem()))))
                .hasMessageContaining("both AZURE_KUBERNETES_CA_FILE and AZURE_KUBERNETES_CA_DATA");
        for (String url : List.of("http://127.0.0.1:1/ib", "https://127.0.0.1:1/ib?x=1", "https://u:p@127.0.0.1:1/",
                "https://127.0.0.1:1/#f")) {
            assertThatThrownBy(() -> get(credential(variables("AZURE_KUBERNETES_TOKEN_PROXY", url))))
                    .as(url).isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("AZURE_KUBERNETES_TOKEN_PROXY").satisfies(e -> assertThat(e.getMessage())
                            .doesNotContain("u:p"));
        }
        assertThat(paths).isEmpty();
    }

    @Test
    void getToken_proxyNotEnabled_variablesIgnored() {
        ScriptedTransport transport = new ScriptedTransport().thenJson(200, ScriptedTransport.tokenJson(TOKEN, 3600));
        WorkloadIdentityCredential c = WorkloadIdentityCredential.builder().options(CredentialOptions.builder()
                .environment(Environment.of(variables("AZURE_KUBERNETES_TOKEN_PROXY", proxyUrl(),
                        "AZURE_KUBERNETES_SNI_NAME", SNI))).httpTransport(transport).build()).build();

        get(c);

        assertThat(transport.requests().get(0).uri().toString())
                .isEqualTo("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token");
    }

    @Test
    void getToken_applicationTransport_requestRewrittenOntoIt() {
        ScriptedTransport transport = new ScriptedTransport().thenJson(200, ScriptedTransport.tokenJson(TOKEN, 3600));
        WorkloadIdentityCredential c = WorkloadIdentityCredential.builder().enableAzureProxy().options(CredentialOptions
                .builder().environment(Environment.of(variables("AZURE_KUBERNETES_TOKEN_PROXY", "https://ib.example:8443")))
                .httpTransport(transport).build()).build();

        get(c);

        assertThat(transport.requests().get(0).uri().toString())
                .isEqualTo("https://ib.example:8443/" + TENANT + "/oauth2/v2.0/token");
        assertThat(transport.lastBody()).contains("client_assertion=" + FEDERATED);
    }
}
