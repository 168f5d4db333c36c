package dev.azid.emulator;

import static dev.azid.emulator.EmulatorClient.json;
import static dev.azid.emulator.EmulatorClient.secretForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The emulator's Key Vault secrets endpoint, spoken to in raw HTTP. */
@AzidEmulator
class KeyVaultEndpointTest {

    private static final String VAULT_SCOPE = "https://vault.azure.net/.default";
    private final EmulatorClient client;
    private final String vault;
    private final String challenge;

    KeyVaultEndpointTest(EntraEmulator emulator) {
        this.client = new EmulatorClient(emulator);
        this.vault = emulator.endpoints().keyVaultEndpoint().toString();
        this.challenge = "Bearer authorization=\"" + emulator.authorityHost() + "/" + EmulatorConfig.DEFAULT_TENANT_ID
                + "\", resource=\"https://vault.azure.net\"";
    }

    private String token(String scope) throws Exception {
        return (String) json(client.token(EmulatorConfig.DEFAULT_TENANT_ID, secretForm(scope))).get("access_token");
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(vault + pathAndQuery)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(HttpResponse<String> r) {
        return (Map<String, Object>) json(r).get("error");
    }

    @Test
    void noToken_isChallengedWithAuthorizationAndResource() throws Exception {
        HttpResponse<String> get = send("GET", "secrets/a?api-version=7.4", null, null);
        // The SDK's first request is a PUT stripped of its body: it must be challenged like any other.
        HttpResponse<String> emptyPut = send("PUT", "secrets/a?api-version=7.4", null, null);
        for (HttpResponse<String> r : List.of(get, emptyPut)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).contains(challenge);
            assertThat(error(r)).containsEntry("code", "Unauthorized")
                    .containsEntry("message", "AKV10000: Request is missing a Bearer or PoP token.");
        }
    }

    @Test
    void wrongAudienceOrSignature_isRefusedWithChallenge() throws Exception {
        HttpResponse<String> arm = send("GET", "secrets/a?api-version=7.4", null, token("https://management.azure.com/.default"));
        assertThat(arm.statusCode()).isEqualTo(401);
        assertThat(arm.headers().firstValue("WWW-Authenticate")).contains(challenge);
        assertThat(error(arm).get("message")).asString().startsWith("AKV10022: Invalid audience. Expected "
                + "https://vault.azure.net, found: https://management.azure.com/");
        String good = token(VAULT_SCOPE);
        String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        HttpResponse<String> forged = send("GET", "secrets/a?api-version=7.4", null, tampered);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("WWW-Authenticate")).contains(challenge);
        assertThat(error(forged).get("message")).asString().contains("signature");
    }

    @Test
    void apiVersion_isRequiredAndChecked() throws Exception {
        String t = token(VAULT_SCOPE);
        HttpResponse<String> missing = send("GET", "secrets/a", null, t);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(error(missing)).containsEntry("code", "BadParameter");
        HttpResponse<String> unknown = send("GET", "secrets/a?api-version=1.0", null, t);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(error(unknown).get("message")).asString().contains("(1.0)");
    }

    @Test
    void unknownSecret_isSecretNotFound() throws Exception {
        HttpResponse<String> r = send("GET", "secrets/never-set?api-version=7.4", null, token(VAULT_SCOPE));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(error(r)).containsEntry("code", "SecretNotFound");
        assertThat(error(r).get("message")).asString().startsWith("A secret with (name/id) never-set was not found in this "
                + "key vault.");
    }

    @Test
    void badName_orBody_isBadParameter() throws Exception {
        String t = token(VAULT_SCOPE);
        for (String name : new String[] {"under_score", "x".repeat(128), "dot.ted"}) {
            HttpResponse<String> r = send("PUT", "secrets/" + name + "?api-version=7.4", "{\"value\":\"v\"}", t);
            assertThat(r.statusCode()).as(name).isEqualTo(400);
            assertThat(error(r)).containsEntry("code", "BadParameter");
        }
        HttpResponse<String> noValue = send("PUT", "secrets/ok?api-version=7.4", "{\"contentType\":\"x\"}", t);
        assertThat(noValue.statusCode()).isEqualTo(400);
        HttpResponse<String> notJson = send("PUT", "secrets/ok?api-version=7.4", "value=s3cr3t-in-body", t);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).doesNotContain("s3cr3t-in-body");
    }

    @Test
    void setAndGet_returnSecretBundlesByVersion_andTheValueIsNotLogged() throws Exception {
        String t = token(VAULT_SCOPE);
        Map<String, Object> first = json(send("PUT", "secrets/db-password?api-version=7.4", "{\"value\":\"first-value\","
                + "\"contentType\":\"text/plain\",\"tags\":{\"env\":\"test\"}}", t));
        Map<String, Object> second = json(send("PUT", "secrets/db-password?api-version=7.4", "{\"value\":\"second-value\"}", t));
        assertThat(first).containsEntry("value", "first-value").containsEntry("contentType", "text/plain")
                .containsEntry("tags", Map.of("env", "test"));
        assertThat((String) first.get("id")).matches(Pattern.quote(vault + "secrets/db-password/") + "[0-9a-f]{32}");
        assertThat(first.get("attributes")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("enabled", true).containsEntry("recoveryLevel", "Recoverable+Purgeable")
                .containsKeys("created", "updated");
        assertThat(json(send("GET", "secrets/DB-PASSWORD?api-version=7.4", null, t))).containsEntry("value", "second-value")
                .containsEntry("id", second.get("id"));
        String firstVersion = ((String) first.get("id")).substring(((String) first.get("id")).lastIndexOf('/') + 1);
        assertThat(json(send("GET", "secrets/db-password/" + firstVersion + "?api-version=7.4", null, t)))
                .containsEntry("value", "first-value");
        assertThat(send("GET", "secrets/db-password/" + "0".repeat(32) + "?api-version=7.4", null, t).statusCode())
                .isEqualTo(404);
        assertThat(client.emulator.requestLog().toString()).contains("/secrets/db-password")
                .doesNotContain("first-value").doesNotContain("second-value");
    }

    @Test
    void claimsChallenge_answersTheNextAuthenticatedRequestOnly() throws Exception {
        String t = token(VAULT_SCOPE);
        send("PUT", "secrets/cae?api-version=7.4", "{\"value\":\"v\"}", t);
        client.emulator.challengeNextKeyVaultRequest();
        assertThat(send("GET", "secrets/cae?api-version=7.4", null, null).statusCode()).as("unauthenticated").isEqualTo(401);
        HttpResponse<String> challenged = send("GET", "secrets/cae?api-version=7.4", null, t);
        assertThat(challenged.statusCode()).isEqualTo(401);
        String header = challenged.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(header).startsWith("Bearer realm=\"\", authorization_uri=\"" + client.emulator.authorityHost() + "/"
                + EmulatorConfig.DEFAULT_TENANT_ID + "/oauth2/authorize\", error=\"insufficient_claims\", claims=\"");
        Matcher m = Pattern.compile("claims=\"([^\"]+)\"").matcher(header);
        assertThat(m.find()).isTrue();
        String claims = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
        assertThat(claims).matches("\\{\"access_token\":\\{\"nbf\":\\{\"essential\":true,\"value\":\"[0-9]+\"}}}");
        assertThat(send("GET", "secrets/cae?api-version=7.4", null, t).statusCode()).isEqualTo(200);
    }
}
