package dev.azid.conformance;

import dev.azid.CredentialOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import dev.azid.AuthenticationFailedException;
import dev.azid.ClientAssertionCredential;
import dev.azid.ClientCertificateCredential;
import dev.azid.TokenRequestContext;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import dev.azid.test.LogCapture;
import dev.azid.test.CertificateApps;
import dev.azid.test.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Certificate credentials, official and azid's, against an emulator that verifies assertions for real. */
class CertificateConformanceTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final String APP = "ce7e0000-0000-4000-8000-00000000ce71";
    private static final String PASSWORD = "pfx-password-1";

    private static TestCertificates certs;
    private static EntraEmulator emulator;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        certs = TestCertificates.valid();
        emulator = EntraEmulator.builder().config(CertificateApps.inDefaultDirectory(APP, "cert-app", certs).build()).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private ClientCertificateCredential.Builder azid() {
        return ClientCertificateCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID).clientId(APP)
                .options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString())
                        .httpTransport(HttpTransport.builder().sslContext(emulator.sslContext()).build()).build());
    }

    private ClientCertificateCredential.Builder azid(HttpTransport transport) {
        return azid().options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString())
                .httpTransport(transport).build());
    }

    private com.azure.identity.ClientCertificateCredentialBuilder official() {
        return new ClientCertificateCredentialBuilder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID).clientId(APP)
                .authorityHost(emulator.authorityHost().toString()).disableInstanceDiscovery()
                .httpClient(new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
                        .sslContext(emulator.sslContext())).build());
    }

    @Test
    void official_pemAndPfx_getTokens() throws Exception {
        Path pem = Files.writeString(dir.resolve("c.pem"), certs.pkcs8Pem() + certs.certificatePem());
        Path pfx = Files.write(dir.resolve("c.pfx"), certs.pfx(PASSWORD));
        com.azure.core.credential.TokenRequestContext req = new com.azure.core.credential.TokenRequestContext().addScopes(ARM);
        assertThat(official().pemCertificate(pem.toString()).build().getTokenSync(req).getToken()).isNotBlank();
        assertThat(official().pfxCertificate(pfx.toString()).clientCertificatePassword(PASSWORD).build().getTokenSync(req)
                .getToken()).isNotBlank();
    }

    @Test
    void azid_pemPfxAndPs256_getTokens() throws Exception {
        Path pem = Files.writeString(dir.resolve("c.pem"), certs.pkcs1Pem() + certs.certificatePem());
        assertThat(azid().pemCertificate(pem).build().getToken(TokenRequestContext.of(ARM)).token()).isNotBlank();
        assertThat(azid().certificate(certs.pfx(PASSWORD)).certificatePassword(PASSWORD).signatureAlgorithm("PS256")
                .sendCertificateChain(true).build().getToken(TokenRequestContext.of(ARM)).token()).isNotBlank();
        String jwt = azid().certificate(certs.pfx(PASSWORD)).certificatePassword(PASSWORD).build()
                .getToken(TokenRequestContext.of(ARM)).token();
        Map<String, Object> claims = JwksVerifier.parse(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        assertThat(claims).containsEntry("appidacr", "2").containsEntry("appid", APP);
        logs.assertNoSecrets(PASSWORD);
    }

    @Test
    void emulator_rejectsForeignExpiredAndTamperedAssertions_acceptsReusedOne() {
        TestCertificates other = TestCertificates.valid();
        assertThatThrownBy(() -> azid().certificate((other.pkcs8Pem() + other.certificatePem()).getBytes(StandardCharsets.US_ASCII))
                .build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("AADSTS700027");
        String valid = assertionFromAzid();
        String[] p = valid.split("\\.");
        String tampered = p[0] + "." + p[1] + "." + (p[2].startsWith("A") ? "B" : "A") + p[2].substring(1);
        assertThatThrownBy(() -> assertionCredential(tampered).getToken(TokenRequestContext.of(ARM)))
                .hasMessageContaining("AADSTS700027");
        // Entra ID accepts a reused assertion (MSAL for Python reuses one for minutes), so the emulator does too.
        assertThat(assertionCredential(valid).getToken(TokenRequestContext.of(ARM)).token()).as("the same jti twice")
                .isNotBlank();
        String expired = ExpiredAssertion.sign(certs, APP, emulator.authorityHost() + "/" + EmulatorConfig.DEFAULT_TENANT_ID
                + "/oauth2/v2.0/token", Instant.now().minusSeconds(3600));
        assertThatThrownBy(() -> assertionCredential(expired).getToken(TokenRequestContext.of(ARM)))
                .hasMessageContaining("AADSTS700024");
    }

    @Test
    void official_tamperedAssertionFromForeignKey_isRejected() throws Exception {
        TestCertificates other = TestCertificates.valid();
        Path pem = Files.writeString(dir.resolve("other.pem"), other.pkcs8Pem() + other.certificatePem());
        assertThatThrownBy(() -> official().pemCertificate(pem.toString()).build()
                .getTokenSync(new com.azure.core.credential.TokenRequestContext().addScopes(ARM)))
                .hasMessageContaining("AADSTS700027");
    }

    @Test
    void bothClients_tamperedAssertion_isRejected() throws Exception {
        Path pem = Files.writeString(dir.resolve("c.pem"), certs.pkcs8Pem() + certs.certificatePem());
        com.azure.core.http.HttpClient real = new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
                .sslContext(emulator.sslContext())).build();
        // Flips one character of the signature of every client assertion that leaves the official client.
        com.azure.core.http.HttpClient tampering = request -> {
            String body = request.getBodyAsBinaryData() == null ? "" : request.getBodyAsBinaryData().toString();
            request.setBody(tamper(body));
            return real.send(request);
        };
        assertThatThrownBy(() -> official().pemCertificate(pem.toString()).httpClient(tampering).build()
                .getTokenSync(new com.azure.core.credential.TokenRequestContext().addScopes(ARM)))
                .hasMessageContaining("AADSTS700027");
        HttpTransport azidReal = HttpTransport.builder().sslContext(emulator.sslContext()).build();
        assertThatThrownBy(() -> azid(r -> azidReal.send(new dev.azid.http.HttpRequest(
                r.method(), r.uri(), r.headers(), tamper(new String(r.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                r.timeout()))).pemCertificate(pem).build().getToken(TokenRequestContext.of(ARM)))
                .hasMessageContaining("AADSTS700027");
    }

    @Test
    void bothClients_assertionExpiredByServerClock_isRejected() throws Exception {
        java.time.Clock ahead = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(2));
        EmulatorConfig config = emulator.config();
        try (EntraEmulator later = EntraEmulator.builder().config(config).clock(ahead).start()) {
            Path pem = Files.writeString(dir.resolve("c.pem"), certs.pkcs8Pem() + certs.certificatePem());
            assertThatThrownBy(() -> new ClientCertificateCredentialBuilder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                    .clientId(APP).authorityHost(later.authorityHost().toString()).disableInstanceDiscovery()
                    .httpClient(new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(later.sslContext()))
                            .build()).pemCertificate(pem.toString()).build()
                    .getTokenSync(new com.azure.core.credential.TokenRequestContext().addScopes(ARM)))
                    .hasMessageContaining("AADSTS700024");
            assertThatThrownBy(() -> ClientCertificateCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                    .clientId(APP).options(CredentialOptions.builder().authorityHost(later.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(later.sslContext()).build()).build()).pemCertificate(pem).build()
                    .getToken(TokenRequestContext.of(ARM)))
                    .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("AADSTS700024")
                    .hasMessageContaining("check the machine's clock");
        }
    }

    /** Changes the first character of the assertion's signature to a different one. */
    private static String tamper(String form) {
        return java.util.regex.Pattern.compile("(client_assertion=[^&]+\\.)([A-Za-z0-9_-])").matcher(form)
                .replaceFirst(m -> m.group(1) + (m.group(2).equals("Q") ? "R" : "Q"));
    }

    private String assertionFromAzid() {
        // A fresh, valid assertion with a new jti, made by azid's own signer through a capturing transport.
        java.util.concurrent.atomic.AtomicReference<String> captured = new java.util.concurrent.atomic.AtomicReference<>();
        HttpTransport real = HttpTransport.builder().sslContext(emulator.sslContext()).build();
        ClientCertificateCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID).clientId(APP)
                .options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString()).httpTransport(r -> {
                    String body = new String(r.body(), StandardCharsets.UTF_8);
                    for (String kv : body.split("&")) {
                        if (kv.startsWith("client_assertion=")) {
                            captured.set(java.net.URLDecoder.decode(kv.substring(17), StandardCharsets.UTF_8));
                        }
                    }
                    return real.send(r);
                }).build()).certificate(certs.pfx(PASSWORD))
                .certificatePassword(PASSWORD).build().getToken(TokenRequestContext.of("https://vault.azure.net/.default"));
        return captured.get();
    }

    private ClientAssertionCredential assertionCredential(String assertion) {
        return ClientAssertionCredential.builder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID).clientId(APP)
                .clientAssertion(() -> assertion).options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(emulator.sslContext()).build()).build()).build();
    }
}
