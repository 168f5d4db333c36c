package dev.azid.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The device code grant under both names Entra accepts: the RFC 8628 URN and MSAL.js's short {@code device_code}. */
@AzidEmulator
class DeviceCodeGrantTest {

    private static final String TID = EmulatorConfig.DEFAULT_TENANT_ID;

    @ParameterizedTest
    @ValueSource(strings = {"urn:ietf:params:oauth:grant-type:device_code", "device_code"})
    void token_deviceCodeGrantEitherName_redeemsTheApprovedCode(String grantType, EntraEmulator emulator) throws Exception {
        EmulatorClient client = new EmulatorClient(emulator);
        Map<String, Object> code = EmulatorClient.json(client.post("/" + TID + "/oauth2/v2.0/devicecode",
                Map.of("client_id", EmulatorConfig.AZURE_CLI_CLIENT_ID, "scope", "https://management.azure.com/.default")));
        Map<String, String> poll = Map.of("grant_type", grantType, "client_id", EmulatorConfig.AZURE_CLI_CLIENT_ID,
                "device_code", (String) code.get("device_code"));

        HttpResponse<String> pending = client.token(TID, poll);
        HttpResponse<String> page = client.post("/devicelogin", Map.of("user_code", (String) code.get("user_code"),
                "username", EmulatorConfig.DEFAULT_USERNAME, "password", EmulatorConfig.DEFAULT_PASSWORD, "action", "approve"));
        HttpResponse<String> token = client.token(TID, poll);

        assertThat(EmulatorClient.json(pending)).containsEntry("error", "authorization_pending");
        assertThat(page.body()).contains("Signed in");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(EmulatorClient.claims((String) EmulatorClient.json(token).get("access_token")))
                .containsEntry("aud", "https://management.azure.com/").containsEntry("appid", EmulatorConfig.AZURE_CLI_CLIENT_ID);
    }
}
