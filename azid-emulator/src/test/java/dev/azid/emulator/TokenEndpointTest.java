package dev.azid.emulator;

import static dev.azid.emulator.EmulatorClient.claims;
import static dev.azid.emulator.EmulatorClient.json;
import static dev.azid.emulator.EmulatorClient.secretForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@AzidEmulator
class TokenEndpointTest {

    private static final String ARM = "https://management.azure.com/.default";
    private final EmulatorClient client;

    TokenEndpointTest(EntraEmulator emulator) {
        this.client = new EmulatorClient(emulator);
    }

    @Test
    void token_clientSecret_returnsSignedV1ArmToken() throws Exception {
        HttpResponse<String> r = client.token(EmulatorConfig.DEFAULT_TENANT_ID, secretForm(ARM));
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> body = json(r);
        assertThat(body).containsEntry("token_type", "Bearer").containsKeys("expires_in", "ext_expires_in", "access_token")
                .doesNotContainKeys("refresh_token", "id_token", "refresh_in");
        String jwt = (String) body.get("access_token");
        assertThat(verifies(jwt)).isTrue();
        assertThat(claims(jwt)).containsEntry("aud", "https://management.azure.com/").containsEntry("ver", "1.0")
                .containsEntry("appid", EmulatorConfig.DEFAULT_CLIENT_ID).containsEntry("appidacr", "1")
                .containsEntry("iss", "https://sts.windows.net/" + EmulatorConfig.DEFAULT_TENANT_ID + "/")
                .containsEntry("idtyp", "app").containsEntry("roles", List.of("Reader")).containsKeys("oid", "tid", "uti", "rh");
    }

    @Test
    void token_v2Resource_hasV2Claims() throws Exception {
        String jwt = (String) json(client.token(EmulatorConfig.DEFAULT_TENANT_DOMAIN, secretForm("api://azid-demo-api/.default")))
                .get("access_token");
        assertThat(claims(jwt)).containsEntry("ver", "2.0").containsEntry("azp", EmulatorConfig.DEFAULT_CLIENT_ID)
                .containsEntry("azpacr", "1").containsEntry("aud", "0a2d1d00-0000-4000-8000-00000000a9a1")
                .containsEntry("iss", client.emulator.authorityHost() + "/" + EmulatorConfig.DEFAULT_TENANT_ID + "/v2.0");
    }

    @Test
    void token_basicAuthAndOidcScopes_accepted() throws Exception {
        String basic = Base64.getEncoder().encodeToString((EmulatorConfig.DEFAULT_CLIENT_ID + ":"
                + java.net.URLEncoder.encode(EmulatorConfig.DEFAULT_CLIENT_SECRET, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = client.post("/" + EmulatorConfig.DEFAULT_TENANT_ID + "/oauth2/v2.0/token",
                Map.of("grant_type", "client_credentials", "scope", ARM + " openid profile offline_access"),
                "Authorization", "Basic " + basic);
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void token_clientRequestId_isEchoedAndUsedAsCorrelationId() throws Exception {
        Map<String, String> form = new HashMap<>(secretForm(ARM));
        form.put("client_secret", "wrong");
        HttpResponse<String> r = client.post("/" + EmulatorConfig.DEFAULT_TENANT_ID + "/oauth2/v2.0/token", form,
                "client-request-id", "11111111-2222-3333-4444-555555555555", "return-client-request-id", "true");
        assertThat(r.headers().firstValue("client-request-id")).contains("11111111-2222-3333-4444-555555555555");
        assertThat(json(r)).containsEntry("correlation_id", "11111111-2222-3333-4444-555555555555");
    }

    static Stream<Arguments> errors() {
        Map<String, String> wrongSecret = new HashMap<>(secretForm(ARM));
        wrongSecret.put("client_secret", "nope");
        Map<String, String> noSecret = new HashMap<>(secretForm(ARM));
        noSecret.remove("client_secret");
        Map<String, String> unknownClient = new HashMap<>(secretForm(ARM));
        unknownClient.put("client_id", "00000000-0000-0000-0000-00000000beef");
        Map<String, String> noGrant = new HashMap<>(secretForm(ARM));
        noGrant.remove("grant_type");
        Map<String, String> badGrant = new HashMap<>(secretForm(ARM));
        badGrant.put("grant_type", "magic");
        Map<String, String> resource = new HashMap<>(secretForm(ARM));
        resource.put("resource", "https://management.azure.com/");
        Map<String, String> noScope = new HashMap<>(secretForm(ARM));
        noScope.remove("scope");
        String t = EmulatorConfig.DEFAULT_TENANT_ID;
        return Stream.of(
                Arguments.of("unknown tenant", "nope.onmicrosoft.com", secretForm(ARM), 400, "invalid_request", 90002),
                Arguments.of("common tenant", "common", secretForm(ARM), 400, "invalid_request", 9001023),
                Arguments.of("consumers tenant", "consumers", secretForm(ARM), 400, "invalid_request", 9001023),
                Arguments.of("organizations tenant", "organizations", secretForm(ARM), 400, "invalid_request", 90130),
                Arguments.of("unknown client", t, unknownClient, 400, "unauthorized_client", 700016),
                Arguments.of("wrong secret", t, wrongSecret, 401, "invalid_client", 7000215),
                Arguments.of("missing secret", t, noSecret, 401, "invalid_client", 7000216),
                Arguments.of("delegated scope", t, secretForm("https://graph.microsoft.com/User.Read"), 400, "invalid_scope", 1002012),
                Arguments.of("unknown resource", t, secretForm("https://unknown.example/.default"), 400, "invalid_resource", 500011),
                Arguments.of("two resources", t, secretForm(ARM + " https://vault.azure.net/.default"), 400, "invalid_scope", 70011),
                Arguments.of("missing grant", t, noGrant, 400, "invalid_request", 900144),
                Arguments.of("missing scope", t, noScope, 400, "invalid_request", 900144),
                Arguments.of("unsupported grant", t, badGrant, 400, "unsupported_grant_type", 70003),
                Arguments.of("resource parameter", t, resource, 400, "invalid_request", 901002));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void token_badRequest_answersEntraErrorShape(String name, String tenant, Map<String, String> form, int status,
            String error, long code) throws Exception {
        HttpResponse<String> r = client.token(tenant, form);
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        Map<String, Object> body = json(r);
        assertThat(body).containsEntry("error", error).containsKeys("trace_id", "correlation_id", "timestamp", "error_uri");
        assertThat(body.get("error_codes")).asList().containsExactly((int) code);
        assertThat((String) body.get("error_description")).startsWith("AADSTS" + code + ": ")
                .contains("\r\nTrace ID: ", "\r\nCorrelation ID: ", "\r\nTimestamp: ");
        assertThat(r.body()).doesNotContain(EmulatorConfig.DEFAULT_CLIENT_SECRET);
    }

    @Test
    void token_notForm_isRefused() throws Exception {
        HttpResponse<String> r = client.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                client.emulator.authorityHost() + "/" + EmulatorConfig.DEFAULT_TENANT_ID + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error_description").toString()).startsWith("AADSTS900144");
    }

    @Test
    void token_longLifetime_addsRefreshIn() throws Exception {
        EmulatorConfig d = EmulatorConfig.defaults();
        try (EntraEmulator longLived = EntraEmulator.builder().config(new EmulatorConfig(86399, d.tenants(), d.resources())).start()) {
            Map<String, Object> body = json(new EmulatorClient(longLived).token(EmulatorConfig.DEFAULT_TENANT_ID, secretForm(ARM)));
            assertThat(body).containsEntry("expires_in", 86399).containsEntry("refresh_in", 43199);
        }
    }

    @Test
    void token_multiTenantApp_worksInOtherTenants_singleTenantAppDoesNot() throws Exception {
        EmulatorConfig c = EmulatorConfig.parse("""
                {"tenants": [
                  {"tenantId": "aaaaaaaa-0000-4000-8000-000000000001", "domains": ["a.example"], "applications": [
                    {"clientId": "multi", "secrets": ["s1"], "multiTenant": true},
                    {"clientId": "single", "secrets": ["s2"]}]},
                  {"tenantId": "bbbbbbbb-0000-4000-8000-000000000002", "domains": ["b.example"]}]}""");
        try (EntraEmulator e = EntraEmulator.builder().config(c).start()) {
            EmulatorClient client = new EmulatorClient(e);
            Map<String, String> multi = Map.of("grant_type", "client_credentials", "client_id", "multi",
                    "client_secret", "s1", "scope", ARM);
            HttpResponse<String> ok = client.token("b.example", multi);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(claims((String) json(ok).get("access_token"))).containsEntry("tid", "bbbbbbbb-0000-4000-8000-000000000002");
            HttpResponse<String> refused = client.token("b.example", Map.of("grant_type", "client_credentials",
                    "client_id", "single", "client_secret", "s2", "scope", ARM));
            assertThat(json(refused).get("error_description").toString()).startsWith("AADSTS700016");
        }
    }

    @Test
    void requestLog_masksSecrets() throws Exception {
        client.token(EmulatorConfig.DEFAULT_TENANT_ID, secretForm(ARM));
        RecordedRequest last = client.emulator.requestLog().last();
        assertThat(last.form()).containsEntry("client_secret", RecordedRequest.MASK).containsEntry("scope", ARM);
        assertThat(last.status()).isEqualTo(200);
        assertThat(client.emulator.requestLog().toString()).doesNotContain(EmulatorConfig.DEFAULT_CLIENT_SECRET);
    }

    private boolean verifies(String jwt) throws Exception {
        Map<String, Object> jwks = json(client.get(client.emulator.authorityHost() + "/" + EmulatorConfig.DEFAULT_TENANT_ID
                + "/discovery/v2.0/keys"));
        @SuppressWarnings("unchecked")
        Map<String, Object> key = ((List<Map<String, Object>>) jwks.get("keys")).get(0);
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode((String) key.get("n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode((String) key.get("e")))));
        String[] parts = jwt.split("\\.");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(pub);
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> header = dev.azid.emulator.internal.Json.parseObject(new String(
                Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        return key.get("kid").equals(header.get("kid")) && s.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
