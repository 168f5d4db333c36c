package dev.azid.emulator;

import static dev.azid.emulator.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.emulator.internal.Json;
import dev.azid.emulator.internal.Pki;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Client assertions (certificates and federated tokens): what Entra ID accepts, and the codes of its refusals. */
class ClientAssertionTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final String TENANT = EmulatorConfig.DEFAULT_TENANT_ID;
    private static final String CERT_APP = "ce57a000-0000-4000-8000-0000000ce571";
    private static final String FED_APP = "fed0a000-0000-4000-8000-000000000fed";
    private static final Pki KEYS = Pki.generate();
    private static EntraEmulator emulator;
    private static EmulatorClient client;

    @BeforeAll
    static void start() {
        EmulatorConfig d = EmulatorConfig.defaults();
        EmulatorConfig.Tenant t = d.tenants().get(0);
        EmulatorConfig.Application cert = EmulatorConfig.Application.builder(CERT_APP)
                .certificates(List.of(Pki.pem(KEYS.signingCertificate()))).build();
        // Issuer right, subject right, audience wrong: the audience is what fails to match.
        EmulatorConfig.Application fed = EmulatorConfig.Application.builder(FED_APP).federatedCredentials(List.of(
                new EmulatorConfig.FederatedCredential(EmulatorConfig.FEDERATION_ISSUER, EmulatorConfig.DEFAULT_FEDERATED_SUBJECT,
                        List.of("api://SomethingElse")))).build();
        EmulatorConfig.Tenant withApps = t.toBuilder().addApplication(cert).addApplication(fed).build();
        emulator = EntraEmulator.builder().config(d.toBuilder().tenants(List.of(withApps)).build()).start();
        client = new EmulatorClient(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String assertion(String aud, String iss, long exp) throws Exception {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("x5t#S256", b64(MessageDigest.getInstance("SHA-256").digest(KEYS.signingCertificate().getEncoded())));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", aud);
        claims.put("iss", iss);
        claims.put("sub", iss);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("nbf", Instant.now().getEpochSecond());
        claims.put("exp", exp);
        String input = b64(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(KEYS.signingKeys().getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(s.sign());
    }

    private static String tokenUrl() {
        return emulator.authorityHost() + "/" + TENANT + "/oauth2/v2.0/token";
    }

    private static HttpResponse<String> present(String clientId, String jwt, String type) throws Exception {
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("scope", ARM);
        form.put("client_assertion_type", type);
        form.put("client_assertion", jwt);
        return client.token(TENANT, form);
    }

    private static HttpResponse<String> present(String clientId, String jwt) throws Exception {
        return present(clientId, jwt, "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    }

    private static void assertRefused(HttpResponse<String> r, int status, String error, long code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        Map<String, Object> body = json(r);
        assertThat(body).containsEntry("error", error);
        assertThat(body.get("error_codes")).asList().containsExactly((int) code);
        assertThat((String) body.get("error_description")).startsWith("AADSTS" + code + ": ");
    }

    @Test
    void certificate_sameAssertionTwice_isAcceptedAsEntraDoes() throws Exception {
        // MSAL for Python reuses one assertion for minutes; Entra ID does not refuse a reused jti.
        String jwt = assertion(tokenUrl(), CERT_APP, Instant.now().getEpochSecond() + 600);
        assertThat(present(CERT_APP, jwt).statusCode()).isEqualTo(200);
        assertThat(present(CERT_APP, jwt).statusCode()).isEqualTo(200);
    }

    @Test
    void certificate_wrongAudience_is700023() throws Exception {
        String jwt = assertion("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token", CERT_APP,
                Instant.now().getEpochSecond() + 600);
        assertRefused(present(CERT_APP, jwt), 401, "invalid_client", 700023);
    }

    @Test
    void certificate_otherIssuer_is700021_andExpired_is700024() throws Exception {
        assertRefused(present(CERT_APP, assertion(tokenUrl(), EmulatorConfig.DEFAULT_CLIENT_ID,
                Instant.now().getEpochSecond() + 600)), 401, "invalid_client", 700021);
        assertRefused(present(CERT_APP, assertion(tokenUrl(), CERT_APP, Instant.now().getEpochSecond() - 3600)),
                401, "invalid_client", 700024);
    }

    @Test
    void wrongAssertionType_is90011() throws Exception {
        String jwt = assertion(tokenUrl(), CERT_APP, Instant.now().getEpochSecond() + 600);
        assertRefused(present(CERT_APP, jwt, "urn:ietf:params:oauth:client-assertion-type:saml2-bearer"), 400,
                "invalid_request", 90011);
    }

    @Test
    void federated_noMatch_namesIssuerSubjectOrAudience() throws Exception {
        String rightSubject = emulator.federatedToken(EmulatorConfig.DEFAULT_FEDERATED_SUBJECT);
        assertRefused(present(FED_APP, rightSubject), 401, "invalid_client", 700212);
        assertRefused(present(EmulatorConfig.DEFAULT_CLIENT_ID, emulator.federatedToken("system:serviceaccount:x:y")),
                401, "invalid_client", 700213);
        assertRefused(present(CERT_APP, rightSubject), 401, "invalid_client", 700211);
        assertThat(present(EmulatorConfig.DEFAULT_CLIENT_ID, rightSubject).statusCode()).isEqualTo(200);
    }
}
