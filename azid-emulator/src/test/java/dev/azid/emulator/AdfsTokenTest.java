package dev.azid.emulator;

import static dev.azid.emulator.EmulatorClient.claims;
import static dev.azid.emulator.EmulatorClient.json;
import static dev.azid.emulator.EmulatorClient.secretForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AD FS authority: app tokens shaped like AD FS's, and ARM accepting them. */
@AzidEmulator
class AdfsTokenTest {

    @Test
    void adfsToken_hasAdfsIssuerAndClaims_noEntraTenantClaims(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        HttpResponse<String> r = c.post("/adfs/oauth2/token", secretForm("https://management.azure.com/.default"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, Object> claims = claims((String) json(r).get("access_token"));
        String host = emulator.authorityHost().getAuthority();
        assertThat(claims).containsEntry("iss", "http://" + host + "/adfs/services/trust")
                .containsEntry("appid", EmulatorConfig.DEFAULT_CLIENT_ID).containsEntry("apptype", "Confidential")
                .containsEntry("ver", "1.0").containsEntry("aud", "https://management.azure.com/")
                .containsEntry("authmethod", "http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password")
                .containsKeys("iat", "nbf", "exp", "auth_time")
                .doesNotContainKeys("tid", "oid", "idp", "appidacr", "rh", "uti", "aio");
    }

    @Test
    void adfsDiscovery_namesTheAccessTokenIssuer(EntraEmulator emulator) throws Exception {
        Map<String, Object> doc = json(new EmulatorClient(emulator).get(emulator.authorityHost()
                + "/adfs/.well-known/openid-configuration"));
        assertThat(doc).containsEntry("issuer", emulator.authorityHost() + "/adfs")
                .containsEntry("access_token_issuer", "http://" + emulator.authorityHost().getAuthority() + "/adfs/services/trust");
    }

    @Test
    void arm_acceptsAdfsToken_asTheSingleRealm(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        String token = (String) json(c.post("/adfs/oauth2/token", secretForm("https://management.azure.com/.default")))
                .get("access_token");
        HttpResponse<String> r = c.get(emulator.endpoints().armEndpoint() + "subscriptions?api-version=2022-12-01",
                "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains(EmulatorConfig.DEFAULT_SUBSCRIPTION_ID);
    }
}
