package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.internal.json.JsonObject;
import dev.azid.test.LogCapture;
import dev.azid.test.MutableClock;
import dev.azid.test.ScriptedTransport;
import dev.azid.test.TestCertificates;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ClientCertificateCredentialTest {

    static final String TENANT = ClientSecretCredentialTest.TENANT;
    static final String CLIENT = ClientSecretCredentialTest.CLIENT;
    static final String ARM = ClientSecretCredentialTest.ARM;
    static final String PASSWORD = "pfx-p@ssword!";

    static TestCertificates certs;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final ScriptedTransport transport = new ScriptedTransport();

    @BeforeAll
    static void generate() {
        certs = TestCertificates.valid();
    }

    private ClientCertificateCredential.Builder builder() {
        return ClientCertificateCredential.builder().tenantId(TENANT).clientId(CLIENT).options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock).build());
    }

    private Path pem() throws Exception {
        return Files.writeString(dir.resolve("client.pem"), certs.pkcs8Pem() + certs.certificatePem());
    }

    private static Map<String, Object> part(String jwt, int i) {
        return JsonObject.parse(Base64.getUrlDecoder().decode(jwt.split("\\.")[i])).asMap();
    }

    private static String sha(String alg, byte[] der) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance(alg).digest(der));
    }

    @Test
    void getToken_pemFile_sendsSignedAssertionWithThumbprint() throws Exception {
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        assertThat(builder().pemCertificate(pem()).build().getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("tok");

        Map<String, String> form = ClientSecretCredentialTest.form(transport.lastBody());
        assertThat(form).containsEntry("grant_type", "client_credentials").containsEntry("client_id", CLIENT)
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .doesNotContainKey("client_secret");
        String jwt = form.get("client_assertion");
        assertThat(part(jwt, 0)).containsEntry("alg", "RS256").containsEntry("typ", "JWT")
                .containsEntry("x5t#S256", sha("SHA-256", certs.leaf.getEncoded())).doesNotContainKey("x5c");
        Map<String, Object> claims = part(jwt, 1);
        long now = clock.instant().getEpochSecond();
        assertThat(claims).containsEntry("aud", "https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token")
                .containsEntry("iss", CLIENT).containsEntry("sub", CLIENT).containsKey("jti");
        assertThat(((Number) claims.get("nbf")).longValue()).isEqualTo(now);
        assertThat(((Number) claims.get("exp")).longValue()).isEqualTo(now + 600);
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(certs.leaf.getPublicKey());
        String[] parts = jwt.split("\\.");
        verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verify.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void getToken_ps256WithChain_signsWithPssAndSendsX5c() throws Exception {
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        builder().pfxCertificate(Files.write(dir.resolve("c.pfx"), certs.pfx(PASSWORD))).certificatePassword(PASSWORD)
                .signatureAlgorithm("ps256").sendCertificateChain(true).build().getToken(TokenRequestContext.of(ARM));
        String jwt = ClientSecretCredentialTest.form(transport.lastBody()).get("client_assertion");
        Map<String, Object> header = part(jwt, 0);
        assertThat(header).containsEntry("alg", "PS256");
        assertThat(header.get("x5c")).isEqualTo(List.of(Base64.getEncoder().encodeToString(certs.leaf.getEncoded()),
                Base64.getEncoder().encodeToString(certs.ca.getEncoded())));
        Signature verify = Signature.getInstance("RSASSA-PSS");
        verify.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        verify.initVerify(certs.leaf.getPublicKey());
        String[] parts = jwt.split("\\.");
        verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verify.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void getToken_eachRequest_getsAFreshAssertion() throws Exception {
        transport.always(r -> ScriptedTransport.json(200, ScriptedTransport.tokenJson("tok", 3599), Map.of()));
        ClientCertificateCredential c = builder().certificate(certs.pfx(PASSWORD)).certificatePassword(PASSWORD).build();
        c.getToken(TokenRequestContext.of(ARM));
        String first = part(ClientSecretCredentialTest.form(transport.lastBody()).get("client_assertion"), 1).get("jti").toString();
        c.getToken(TokenRequestContext.of("https://vault.azure.net/.default"));
        String second = part(ClientSecretCredentialTest.form(transport.lastBody()).get("client_assertion"), 1).get("jti").toString();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void getToken_adfsAuthority_usesSha1ThumbprintAndRs256() throws Exception {
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        ClientCertificateCredential.builder().tenantId("adfs").clientId(CLIENT).options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock).authorityHost("https://adfs.contoso.local").build())
                .signatureAlgorithm("PS256").pemCertificate(pem()).build().getToken(TokenRequestContext.of(ARM));
        assertThat(transport.requests().get(0).uri().toString()).isEqualTo("https://adfs.contoso.local/adfs/oauth2/token");
        Map<String, Object> header = part(ClientSecretCredentialTest.form(transport.lastBody()).get("client_assertion"), 0);
        assertThat(header).containsEntry("alg", "RS256").containsEntry("x5t", sha("SHA-1", certs.leaf.getEncoded()))
                .doesNotContainKey("x5t#S256");
    }

    @Test
    void getToken_streamSource_readsOnceAndWorks() {
        transport.always(r -> ScriptedTransport.json(200, ScriptedTransport.tokenJson("tok", 3599), Map.of()));
        ClientCertificateCredential c = builder().certificate(new ByteArrayInputStream(
                (certs.pkcs1Pem() + certs.certificatePem()).getBytes(StandardCharsets.US_ASCII))).build();
        c.getToken(TokenRequestContext.of(ARM));
        c.getToken(TokenRequestContext.of("https://vault.azure.net/.default"));
        assertThat(transport.calls()).isEqualTo(2);
    }

    @Test
    void build_missingFile_readsNothingUntilGetToken() {
        ClientCertificateCredential c = ClientCertificateCredential.builder().tenantId(TENANT).clientId(CLIENT)
                .pemCertificate(dir.resolve("missing.pem")).options(CredentialOptions.builder().httpTransport(ScriptedTransport.failing()).build()).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("ClientCertificateCredential: the certificate " + dir.resolve("missing.pem")
                        + " does not exist. Check the path and the file's permissions.");
    }

    @Test
    void getToken_wrongPfxPassword_namesPathNotPassword() throws Exception {
        Path pfx = Files.write(dir.resolve("c.pfx"), certs.pfx(PASSWORD));
        ClientCertificateCredential c = builder().pfxCertificate(pfx).certificatePassword("not-the-password").build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining(pfx.toString()).hasMessageContaining("password is wrong")
                .hasMessageNotContaining("not-the-password").hasMessageNotContaining(PASSWORD);
        assertThat(transport.calls()).isZero();
        logs.assertNoSecrets("not-the-password", PASSWORD);
    }

    @Test
    void getToken_expiredCertificate_saysWhenItExpired() throws Exception {
        TestCertificates old = TestCertificates.create(Instant.now().minus(Duration.ofDays(60)),
                Instant.now().minus(Duration.ofDays(1)));
        Path file = Files.writeString(dir.resolve("old.pem"), old.pkcs8Pem() + old.certificatePem());
        assertThatThrownBy(() -> builder().pemCertificate(file).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("expired on")
                .hasMessageContaining("upload it to the app registration");
    }

    @Test
    void getToken_notYetValidCertificate_saysCheckTheClock() throws Exception {
        TestCertificates future = TestCertificates.create(Instant.now().plus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(60)));
        Path file = Files.writeString(dir.resolve("future.pem"), future.pkcs8Pem() + future.certificatePem());
        assertThatThrownBy(() -> builder().pemCertificate(file).build().getToken(TokenRequestContext.of(ARM)))
                .hasMessageContaining("is not valid before").hasMessageContaining("clock");
    }

    @Test
    void build_invalidSettings_nameTheSetting() {
        assertThatThrownBy(() -> ClientCertificateCredential.builder().tenantId(TENANT).clientId(CLIENT).build())
                .hasMessageContaining("no certificate is set");
        assertThatThrownBy(() -> ClientCertificateCredential.builder().tenantId(TENANT).clientId(CLIENT)
                .certificate(new byte[1]).signatureAlgorithm("HS256").build()).hasMessageContaining("RS256 or PS256");
        assertThatThrownBy(() -> ClientCertificateCredential.builder().tenantId(TENANT).certificate(new byte[1]).build())
                .hasMessageContaining("clientId is not set");
    }

    @Test
    void secretsAndAssertions_neverLogged() throws Exception {
        transport.thenJson(200, ScriptedTransport.tokenJson("tok-value-123", 3599));
        ClientCertificateCredential c = builder().certificate(certs.pfx(PASSWORD)).certificatePassword(PASSWORD).build();
        c.getToken(TokenRequestContext.of(ARM));
        String assertion = ClientSecretCredentialTest.form(transport.lastBody()).get("client_assertion");
        assertThat(c.toString() + transport.requests()).doesNotContain(PASSWORD).doesNotContain(assertion);
        logs.assertNoSecrets(PASSWORD, assertion, "tok-value-123");
    }
}
