package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.azid.http.HttpRequest;
import dev.azid.test.LogCapture;
import dev.azid.test.ScriptedTransport;
import dev.azid.test.TestCertificates;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Azure Arc key-file rules, Service Fabric certificate pinning, and the IMDS probe on real sockets. */
class ManagedIdentityHostsTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final Map<String, String> ARC = Map.of("IDENTITY_ENDPOINT", "http://localhost:40342/metadata/identity/oauth2/token",
            "IMDS_ENDPOINT", "http://localhost:40342");

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path tokens;

    @TempDir
    Path elsewhere;

    private ScriptedTransport arcServer(Path keyFile) {
        return new ScriptedTransport().then(r -> ScriptedTransport.json(401, "{}", Map.of("WWW-Authenticate",
                "Basic realm=" + keyFile))).then(r -> ScriptedTransport.json(200,
                "{\"access_token\":\"arc-token\",\"expires_in\":\"3600\"}", Map.of()));
    }

    private ManagedIdentityCredential arc(ScriptedTransport t) {
        return ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(ARC)).httpTransport(t).executor(Runnable::run).build()).osName("Linux")
                .arcTokenDirectory(tokens).build();
    }

    @Test
    void arc_challengeWithGoodKeyFile_repeatsWithBasicAuth() throws Exception {
        Path key = Files.writeString(tokens.resolve("abc.key"), "arc-secret-key-content\n");
        ScriptedTransport t = arcServer(key);
        assertThat(arc(t).getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("arc-token");
        HttpRequest second = t.requests().get(1);
        assertThat(second.headers()).containsEntry("Authorization", "Basic arc-secret-key-content")
                .containsEntry("Metadata", "true");
        assertThat(second.uri().getRawQuery()).startsWith("api-version=2020-06-01&resource=");
        logs.assertNoSecrets("arc-secret-key-content");
    }

    @Test
    void arc_keyFileOutsideDirectory_isRefused() throws Exception {
        Path key = Files.writeString(elsewhere.resolve("abc.key"), "x");
        assertThatThrownBy(() -> arc(arcServer(key)).getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("not in the Arc agent's token directory");
        Path sneaky = tokens.resolve("../" + elsewhere.getFileName() + "/abc.key");
        assertThatThrownBy(() -> arc(arcServer(sneaky)).getToken(TokenRequestContext.of(ARM)))
                .hasMessageContaining("not in the Arc agent's token directory");
    }

    @Test
    void arc_wrongExtension_tooLarge_symlink_missingHeader_areRefused() throws Exception {
        Path txt = Files.writeString(tokens.resolve("abc.txt"), "x");
        assertThatThrownBy(() -> arc(arcServer(txt)).getToken(TokenRequestContext.of(ARM))).hasMessageContaining("does not end in .key");
        Path big = Files.writeString(tokens.resolve("big.key"), "x".repeat(4097));
        assertThatThrownBy(() -> arc(arcServer(big)).getToken(TokenRequestContext.of(ARM))).hasMessageContaining("larger than 4096");
        Path target = Files.writeString(elsewhere.resolve("secret.txt"), "not for you");
        Path link = Files.createSymbolicLink(tokens.resolve("link.key"), target);
        assertThatThrownBy(() -> arc(arcServer(link)).getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("is not a regular file (it is a symbolic link)").hasMessageNotContaining("not for you");
        ScriptedTransport noHeader = new ScriptedTransport().thenJson(401, "{}");
        assertThatThrownBy(() -> arc(noHeader).getToken(TokenRequestContext.of(ARM))).hasMessageContaining("no WWW-Authenticate");
        ScriptedTransport badHeader = new ScriptedTransport().thenJson(401, "{}", Map.of("WWW-Authenticate", "Bearer x"));
        assertThatThrownBy(() -> arc(badHeader).getToken(TokenRequestContext.of(ARM))).hasMessageContaining("Basic realm=");
        Path ok = Files.writeString(tokens.resolve("ok.key"), "k");
        assertThat(ok).exists();
    }

    @Test
    void arc_userAssignedOrUnsupportedOs_refusedBeforeAnyRequest() {
        ScriptedTransport none = new ScriptedTransport();
        assertThatThrownBy(() -> ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(ARC)).httpTransport(none).build())
                .clientId("c").osName("Linux").build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("Azure Arc does not support");
        assertThatThrownBy(() -> ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(ARC)).httpTransport(none).build())
                .osName("Mac OS X").build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("only on Linux and Windows");
        assertThat(none.calls()).isZero();
    }

    private HttpsServer serviceFabric(TestCertificates certs) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("sf", certs.keys.getPrivate(), "pw".toCharArray(), new Certificate[] {certs.leaf});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", ex -> {
            byte[] body = ("{\"access_token\":\"sf-token\",\"expires_in\":\"3600\",\"secret-echo\":\""
                    + ex.getRequestHeaders().getFirst("secret") + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    @Test
    void serviceFabric_pinnedThumbprint_trustsOnlyThatCertificate() throws Exception {
        TestCertificates certs = TestCertificates.valid();
        HttpsServer server = serviceFabric(certs);
        try {
            String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/metadata/identity/oauth2/token";
            String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(certs.leaf.getEncoded()));
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certs.leaf.getEncoded()));
            for (String thumbprint : new String[] {sha1.toUpperCase(), sha256}) {
                ManagedIdentityCredential ok = ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                        "IDENTITY_ENDPOINT", url, "IDENTITY_HEADER", "sf-secret", "IDENTITY_SERVER_THUMBPRINT", thumbprint))).build())
                        .build();
                assertThat(ok.source()).isEqualTo("Service Fabric");
                assertThat(ok.getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("sf-token");
            }
            ManagedIdentityCredential wrong = ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                    "IDENTITY_ENDPOINT", url, "IDENTITY_HEADER", "sf-secret", "IDENTITY_SERVER_THUMBPRINT", "0".repeat(40)))).build())
                    .build();
            assertThatThrownBy(() -> wrong.getToken(TokenRequestContext.of(ARM)))
                    .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("did not answer");
            ManagedIdentityCredential badPin = ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                    "IDENTITY_ENDPOINT", url, "IDENTITY_HEADER", "h", "IDENTITY_SERVER_THUMBPRINT", "xyz"))).build()).build();
            assertThatThrownBy(() -> badPin.getToken(TokenRequestContext.of(ARM))).hasMessageContaining("40 (SHA-1) or 64");
            logs.assertNoSecrets("sf-secret");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void imdsProbe_closedPort_givesUpAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ManagedIdentityCredential c = ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:" + port))).build()).probeImds(Duration.ofSeconds(1)).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("ConnectException");
    }

    @Test
    void imdsProbe_silentPort_givesUpAfterProbeTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CountDownLatch done = new CountDownLatch(1);
            Thread acceptor = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    done.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // Closed by the test.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ManagedIdentityCredential c = ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                    "AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:" + silent.getLocalPort()))).build())
                    .probeImds(Duration.ofMillis(500)).build();
            assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM)))
                    .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("within 500 ms");
            done.countDown();
        }
    }

    @Test
    void imdsProbe_nonJsonAnswerFromAFirewall_isUnavailable() {
        ScriptedTransport t = new ScriptedTransport().then(r -> new dev.azid.http.HttpResponse(403,
                Map.of("Content-Type", java.util.List.of("text/plain")), "resolve_deny: denied destination".getBytes(
                        StandardCharsets.UTF_8)));
        ManagedIdentityCredential c = ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(t).build()).probeImds(Duration.ofSeconds(1)).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("something other than IMDS answered")
                .hasMessageContaining("resolve_deny");
        assertThat(t.calls()).isEqualTo(1);
    }

    @Test
    void imdsProbe_answeringServer_isAvailableAndRealRequestFollows() {
        ScriptedTransport t = new ScriptedTransport().thenJson(400, "{\"error\":\"bad_request\",\"error_description\":"
                + "\"Required metadata header not specified\"}").thenJson(200, "{\"access_token\":\"imds\",\"expires_in\":3600}");
        ManagedIdentityCredential c = ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(t).executor(Runnable::run).build()).probeImds(Duration.ofSeconds(1)).build();
        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("imds");
        assertThat(t.requests().get(0).headers()).doesNotContainKey("Metadata");
        assertThat(t.requests().get(1).headers()).containsEntry("Metadata", "true");
    }
}
