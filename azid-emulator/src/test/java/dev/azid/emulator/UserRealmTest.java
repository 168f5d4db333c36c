package dev.azid.emulator;

import static dev.azid.emulator.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Home realm discovery, which MSAL asks before the username/password grant. */
@AzidEmulator
class UserRealmTest {

    @Test
    void userRealm_userOfAConfiguredDomain_isManaged(EntraEmulator emulator) throws Exception {
        HttpResponse<String> r = new EmulatorClient(emulator).get(emulator.authorityHost() + "/common/userrealm/"
                + EmulatorConfig.DEFAULT_USERNAME + "?api-version=1.0", "Accept", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> doc = json(r);
        assertThat(doc).containsEntry("ver", "1.0").containsEntry("account_type", "Managed")
                .containsEntry("domain_name", "azid.onmicrosoft.com")
                .containsEntry("cloud_audience_urn", "urn:federation:MicrosoftOnline").containsKey("cloud_instance_name");
        assertThat(doc).doesNotContainKeys("federation_protocol", "federation_metadata_url");
    }

    @Test
    void userRealm_tenantSegmentAndQueryForm_answerAlike(EntraEmulator emulator) throws Exception {
        EmulatorClient c = new EmulatorClient(emulator);
        Map<String, Object> byTenant = json(c.get(emulator.authorityHost() + "/" + EmulatorConfig.DEFAULT_TENANT_ID
                + "/userrealm/" + EmulatorConfig.DEFAULT_USERNAME + "?api-version=1.0"));
        Map<String, Object> byQuery = json(c.get(emulator.authorityHost() + "/common/userrealm/?user="
                + EmulatorConfig.DEFAULT_USERNAME + "&api-version=1.0"));
        assertThat(byTenant).containsEntry("account_type", "Managed");
        assertThat(byQuery).isEqualTo(byTenant);
    }

    @Test
    void userRealm_unknownDomain_isUnknown(EntraEmulator emulator) throws Exception {
        Map<String, Object> doc = json(new EmulatorClient(emulator).get(emulator.authorityHost()
                + "/common/userrealm/bob@fabrikam.example?api-version=1.0"));
        assertThat(doc).containsEntry("account_type", "Unknown").containsEntry("domain_name", "fabrikam.example");
    }

    @Test
    void userRealm_noUser_isRefused(EntraEmulator emulator) throws Exception {
        HttpResponse<String> r = new EmulatorClient(emulator).get(emulator.authorityHost() + "/common/userrealm");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("AADSTS900144");
    }
}
