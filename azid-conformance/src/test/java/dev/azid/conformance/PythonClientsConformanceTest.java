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
 * Microsoft's Python {@code azure.identity} from Debian's python3-azure ({@code /usr/bin/python3}), unmodified
 * and with its defaults, against the emulator's transparent mode: the child's environment holds only
 * {@code HTTPS_PROXY}, {@code REQUESTS_CA_BUNDLE} and each credential's documented variables.
 * scripts/test-all.sh installs python3-azure.
 */
class PythonClientsConformanceTest extends TransparentClientsFixture {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @BeforeAll
    static void start() {
        assumeTrue(ChildProcess.installed(PYTHON), "Debian's python3 is not installed (scripts/test-all.sh installs it)");
        startEmulator();
    }

    private static Map<String, String> transparent() {
        Map<String, String> env = new HashMap<>();
        env.put("HTTPS_PROXY", emulator.endpoints().proxyUrl().toString());
        env.put("REQUESTS_CA_BUNDLE", emulator.endpoints().caCertificate().toString());
        return env;
    }

    private static Map<String, String> with(String... pairs) {
        Map<String, String> env = transparent();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static ChildProcess.Result python(Map<String, String> env, String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of(PYTHON.toString(), TransparentClients.script("python_identity.py", dir)
                .toString()));
        argv.addAll(List.of(args));
        return ChildProcess.runOk(argv, env, dir, TIMEOUT);
    }

    private static void assertAppSignIn(Map<String, String> env, String kind, String appId) throws Exception {
        int mark = TransparentClients.mark(emulator);
        String token = python(env, kind).token();
        List<RecordedRequest> log = TransparentClients.since(emulator, mark);

        TransparentClients.assertArmAppToken(TransparentClients.claims(emulator, token), appId);
        TransparentClients.assertSignedInAtTheRealHost(log, "MSAL.Python", "/" + TID + "/oauth2/v2.0/token", true);
    }

    @Test
    void clientSecretCredential_defaults_signsInAtTheRealHost() throws Exception {
        assertAppSignIn(with("AZID_TENANT_ID", TID, "AZID_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                "AZID_CLIENT_SECRET", EmulatorConfig.DEFAULT_CLIENT_SECRET), "secret", EmulatorConfig.DEFAULT_CLIENT_ID);
    }

    @Test
    void certificateCredential_pemWithKey_signsInAtTheRealHost() throws Exception {
        Path pem = TransparentClients.certificatePem(certs, dir);
        assertAppSignIn(with("AZID_TENANT_ID", TID, "AZID_CLIENT_ID", CERT_APP, "AZID_CERTIFICATE_PATH", pem.toString()),
                "certificate", CERT_APP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"environment", "default"})
    void environmentAndDefaultCredential_secretVariables_signInAtTheRealHost(String kind) throws Exception {
        assertAppSignIn(with("AZURE_TENANT_ID", TID, "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                "AZURE_CLIENT_SECRET", EmulatorConfig.DEFAULT_CLIENT_SECRET), kind, EmulatorConfig.DEFAULT_CLIENT_ID);
    }

    @Test
    void environmentCredential_certificateVariables_signsInAtTheRealHost() throws Exception {
        Path pem = TransparentClients.certificatePem(certs, dir);
        assertAppSignIn(with("AZURE_TENANT_ID", TID, "AZURE_CLIENT_ID", CERT_APP, "AZURE_CLIENT_CERTIFICATE_PATH",
                pem.toString()), "environment", CERT_APP);
    }

    @Test
    void defaultAzureCredential_workloadIdentityFile_exchangesItAtTheRealHost() throws Exception {
        Path file = Files.writeString(dir.resolve("federated-token"), emulator.federatedToken(
                EmulatorConfig.DEFAULT_FEDERATED_SUBJECT));
        // As AKS's workload identity webhook injects them; AZURE_AUTHORITY_HOST is the real public cloud's.
        Map<String, String> env = with("AZURE_TENANT_ID", TID, "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                "AZURE_FEDERATED_TOKEN_FILE", file.toString(), "AZURE_AUTHORITY_HOST", "https://login.microsoftonline.com/");
        int mark = TransparentClients.mark(emulator);
        String token = python(env, "default").token();
        List<RecordedRequest> log = TransparentClients.since(emulator, mark);

        TransparentClients.assertArmAppToken(TransparentClients.claims(emulator, token), EmulatorConfig.DEFAULT_CLIENT_ID);
        // This version exchanges the file with its own token client, not MSAL: no instance discovery to assert.
        TransparentClients.assertTokenPostAtTheRealHost(log, "/" + TID + "/oauth2/v2.0/token");
        assertThat(log).filteredOn(r -> r.path().endsWith("/oauth2/v2.0/token")).last()
                .satisfies(r -> assertThat(r.form()).containsEntry("client_assertion_type",
                        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
    }

    /** Each managed identity source this azure.identity version knows, chosen by the variables its platform sets. */
    @ParameterizedTest
    @ValueSource(strings = {"imds", "app-service", "cloud-shell", "azure-ml", "arc", "service-fabric"})
    void managedIdentityCredential_eachSource_getsTheSystemIdentitysToken(String source) throws Exception {
        EmulatorEndpoints e = emulator.endpoints();
        String path = switch (source) {
            case "imds" -> "/metadata/identity/oauth2/token";
            case "app-service" -> e.appServiceEndpoint().getPath();
            case "cloud-shell" -> e.cloudShellEndpoint().getPath();
            case "azure-ml" -> e.legacyMsiEndpoint().getPath();
            case "arc" -> e.arcIdentityEndpoint().getPath();
            default -> e.serviceFabricEndpoint().getPath();
        };
        Map<String, String> env = switch (source) {
            case "imds" -> with("AZURE_POD_IDENTITY_AUTHORITY_HOST", e.imdsEndpoint().toString());
            case "app-service" -> with("IDENTITY_ENDPOINT", e.appServiceEndpoint().toString(), "IDENTITY_HEADER", e.identityHeader());
            case "cloud-shell" -> with("MSI_ENDPOINT", e.cloudShellEndpoint().toString());
            case "azure-ml" -> with("MSI_ENDPOINT", e.legacyMsiEndpoint().toString(), "MSI_SECRET", e.identityHeader());
            case "arc" -> with("IDENTITY_ENDPOINT", e.arcIdentityEndpoint().toString(), "IMDS_ENDPOINT", e.imdsEndpoint().toString());
            // Service Fabric's endpoint is HTTPS on this machine: requests would send it through HTTPS_PROXY, so it is
            // in NO_PROXY, as a local endpoint must be on any host behind a proxy.
            default -> with("IDENTITY_ENDPOINT", e.serviceFabricEndpoint().toString(), "IDENTITY_HEADER", e.identityHeader(),
                    "IDENTITY_SERVER_THUMBPRINT", e.serviceFabricThumbprint(), "NO_PROXY", "127.0.0.1");
        };
        int mark = TransparentClients.mark(emulator);
        String token = python(env, "managed-identity").token();
        List<RecordedRequest> log = TransparentClients.since(emulator, mark);

        assertThat(TransparentClients.claims(emulator, token)).containsEntry("aud", "https://management.azure.com")
                .containsEntry("iss", "https://sts.windows.net/" + TID + "/").containsEntry("tid", TID)
                .containsEntry("appid", SYSTEM_MI);
        assertThat(log).extracting(RecordedRequest::path).contains(path)
                .doesNotContain(TransparentClients.LOGIN + ":443");
    }

    @Test
    void getCloudFromMetadataEndpoint_realArmHost_readsThePublicCloudsEntraHost() throws Exception {
        int mark = TransparentClients.mark(emulator);
        String out = python(with("AZID_ARM_ENDPOINT", "https://management.azure.com"), "cloud-metadata").stdout();

        assertThat(out).contains("\"active_directory\": \"https://login.microsoftonline.com/\"")
                .contains("\"active_directory_resource_id\": \"https://management.core.windows.net/\"")
                .contains("\"active_directory_graph_resource_id\": \"https://graph.windows.net/\"");
        assertThat(TransparentClients.since(emulator, mark)).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/metadata/endpoints");
            assertThat(r.query()).containsEntry("api-version", "2015-01-01");
            assertThat(r.header("host")).hasValueSatisfying(h -> assertThat(h).startsWith("management.azure.com"));
        });
    }
}
