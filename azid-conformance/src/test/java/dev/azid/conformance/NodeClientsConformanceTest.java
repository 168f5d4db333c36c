package dev.azid.conformance;

import static dev.azid.conformance.TransparentClients.CERT_APP;
import static dev.azid.conformance.TransparentClients.SYSTEM_MI;
import static dev.azid.conformance.TransparentClients.TID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EmulatorEndpoints;
import dev.azid.emulator.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Microsoft's Node {@code @azure/identity} (and the {@code @azure/msal-node} under it), pinned by
 * {@code tools/node-clients/package-lock.json}, unmodified and with its defaults, against the emulator's
 * transparent mode: the child's environment holds only {@code HTTPS_PROXY}, {@code NODE_EXTRA_CA_CERTS} and
 * each credential's documented variables. scripts/test-all.sh runs {@code npm ci} there.
 */
class NodeClientsConformanceTest extends TransparentClientsFixture {

    private static final Path NODE = Path.of("/usr/bin/node");
    private static final Path MODULES = Path.of(System.getProperty("user.dir")).resolveSibling("tools")
            .resolve("node-clients/node_modules");

    @BeforeAll
    static void start() {
        assumeTrue(ChildProcess.installed(NODE), "node is not installed");
        assertThat(MODULES.resolve("@azure/identity")).as("run `cd tools/node-clients && npm ci` (scripts/test-all.sh does)")
                .isDirectory();
        startEmulator();
    }

    private static ChildProcess.Result node(String flow, String... pairs) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("HTTPS_PROXY", emulator.endpoints().proxyUrl().toString());
        env.put("NODE_EXTRA_CA_CERTS", emulator.endpoints().caCertificate().toString());
        env.put("NODE_PATH", MODULES.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return ChildProcess.runOk(List.of(NODE.toString(), TransparentClients.script("node_identity.js", dir).toString(), flow),
                env, dir, TIMEOUT);
    }

    @Test
    void clientSecretCredential_defaults_signsInAtTheRealHost() throws Exception {
        int mark = TransparentClients.mark(emulator);
        String token = node("secret", "AZID_TENANT_ID", TID, "AZID_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                "AZID_CLIENT_SECRET", EmulatorConfig.DEFAULT_CLIENT_SECRET).token();
        List<RecordedRequest> log = TransparentClients.since(emulator, mark);

        TransparentClients.assertArmAppToken(TransparentClients.claims(emulator, token), EmulatorConfig.DEFAULT_CLIENT_ID);
        TransparentClients.assertSignedInAtTheRealHost(log, "msal.js.node", "/" + TID + "/oauth2/v2.0/token", false);
    }

    @Test
    void clientCertificateCredential_pemWithKey_signsInAtTheRealHost() throws Exception {
        Path pem = TransparentClients.certificatePem(certs, dir);
        int mark = TransparentClients.mark(emulator);
        String token = node("certificate", "AZID_TENANT_ID", TID, "AZID_CLIENT_ID", CERT_APP,
                "AZID_CERTIFICATE_PATH", pem.toString()).token();
        List<RecordedRequest> log = TransparentClients.since(emulator, mark);

        TransparentClients.assertArmAppToken(TransparentClients.claims(emulator, token), CERT_APP);
        TransparentClients.assertSignedInAtTheRealHost(log, "msal.js.node", "/" + TID + "/oauth2/v2.0/token", false);
        assertThat(log).filteredOn(r -> r.path().endsWith("/oauth2/v2.0/token")).last()
                .satisfies(r -> assertThat(r.form()).containsKey("client_assertion"));
    }

    @Test
    void deviceCodeCredential_userApprovesOnTheSignInPage_getsAUserToken() throws Exception {
        int mark = TransparentClients.mark(emulator);
        String token = node("device-code", "AZID_TENANT_ID", TID, "AZID_PUBLIC_CLIENT_ID", EmulatorConfig.AZURE_CLI_CLIENT_ID,
                "AZID_USERNAME", EmulatorConfig.DEFAULT_USERNAME, "AZID_PASSWORD", EmulatorConfig.DEFAULT_PASSWORD).token();
        List<RecordedRequest> log = TransparentClients.since(emulator, mark);

        assertThat(TransparentClients.claims(emulator, token)).containsEntry("aud", "https://management.azure.com/")
                .containsEntry("iss", "https://sts.windows.net/" + TID + "/").containsEntry("tid", TID)
                .containsEntry("appid", EmulatorConfig.AZURE_CLI_CLIENT_ID)
                .containsEntry("upn", EmulatorConfig.DEFAULT_USERNAME);
        TransparentClients.assertSignedInAtTheRealHost(log, "msal.js.node", "/" + TID + "/oauth2/v2.0/token", false);
        assertThat(log).extracting(RecordedRequest::path).contains("/" + TID + "/oauth2/v2.0/devicecode", "/devicelogin");
    }

    /**
     * App Service and IMDS, as their platforms set them. The endpoints are on this machine: @azure/identity sends every
     * request through HTTPS_PROXY, plain HTTP included, so they are in NO_PROXY, as on any host behind a proxy.
     */
    @ParameterizedTest
    @ValueSource(strings = {"app-service", "imds"})
    void managedIdentityCredential_appServiceAndImds_getTheSystemIdentitysToken(String source) throws Exception {
        EmulatorEndpoints e = emulator.endpoints();
        int mark = TransparentClients.mark(emulator);
        String token = source.equals("imds")
                ? node("managed-identity", "AZURE_POD_IDENTITY_AUTHORITY_HOST", e.imdsEndpoint().toString(), "NO_PROXY", "127.0.0.1")
                        .token()
                : node("managed-identity", "IDENTITY_ENDPOINT", e.appServiceEndpoint().toString(), "IDENTITY_HEADER",
                        e.identityHeader(), "NO_PROXY", "127.0.0.1").token();
        List<RecordedRequest> log = TransparentClients.since(emulator, mark);

        assertThat(TransparentClients.claims(emulator, token)).containsEntry("iss", "https://sts.windows.net/" + TID + "/")
                .containsEntry("tid", TID).containsEntry("appid", SYSTEM_MI)
                .hasEntrySatisfying("aud", aud -> assertThat(aud).asString().startsWith("https://management.azure.com"));
        assertThat(log).isNotEmpty().allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.path()).startsWith(source.equals("imds") ? "/metadata/identity/oauth2/token" : "/msi/token");
        });
    }
}
