package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.emulator.RecordedRequest;
import dev.azid.internal.process.ProcessResult;
import dev.azid.internal.process.ProcessRunner;
import dev.azid.test.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's Azure CLI ({@code /usr/bin/az}) on its default cloud, {@code AzureCloud}, against the emulator's
 * transparent mode: {@code az login --service-principal} with nothing registered or switched, then azid's
 * AzureCliCredential using that login. The CLI's environment holds only {@code HTTPS_PROXY},
 * {@code REQUESTS_CA_BUNDLE}, its own {@code AZURE_CONFIG_DIR} and telemetry off. In package {@code dev.azid}
 * for the credential builder's process-runner seam, as azid-core's AzureCliRealTest.
 */
class AzureCliTransparentModeTest {

    private static final Path AZ = Path.of("/usr/bin/az");
    private static final String TID = EmulatorConfig.DEFAULT_TENANT_ID;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private static EntraEmulator emulator;
    private static List<RecordedRequest> loginLog;

    @TempDir
    static Path home;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    /** The child's whole environment: the two transparent-mode settings and the CLI's own directory. */
    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("AZURE_CONFIG_DIR", home.resolve("azure").toString());
        // Telemetry is uploaded by a background process to a host the emulator does not serve (its proxy would refuse it).
        env.put("AZURE_CORE_COLLECT_TELEMETRY", "false");
        env.put("HTTPS_PROXY", emulator.endpoints().proxyUrl().toString());
        env.put("REQUESTS_CA_BUNDLE", emulator.endpoints().caCertificate().toString());
        return env;
    }

    private static ProcessRunner cliEnvironment() {
        ProcessRunner system = ProcessRunner.system();
        return (argv, extra, dir, timeout) -> {
            Map<String, String> all = new HashMap<>(environment());
            all.putAll(extra);
            return system.run(argv, all, dir, timeout);
        };
    }

    private static String az(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(AZ.toString()));
        argv.addAll(List.of(args));
        ProcessResult r = cliEnvironment().run(argv, Map.of(), home, TIMEOUT);
        assertThat(r.timedOut()).as("az %s timed out", args[0]).isFalse();
        assertThat(r.exitCode()).as("az %s %s: %s", args[0], args[1], r.stderr()).isZero();
        return r.stdout();
    }

    @BeforeAll
    static void signIn() throws Exception {
        assumeTrue(Files.isExecutable(AZ), "Debian's azure-cli is not installed (scripts/test-all.sh installs it)");
        emulator = EntraEmulator.builder().proxy(true).start();
        int mark = emulator.requestLog().all().size();
        az("login", "--service-principal", "-u", EmulatorConfig.DEFAULT_CLIENT_ID, "-p", EmulatorConfig.DEFAULT_CLIENT_SECRET,
                "--tenant", TID, "-o", "none");
        List<RecordedRequest> all = emulator.requestLog().all();
        loginLog = List.copyOf(all.subList(mark, all.size()));
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static Map<String, Object> claims(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        return dev.azid.emulator.internal.Json.parseObject(payload);
    }

    @Test
    void azLogin_defaultCloud_signsInAtTheRealHostAndListsSubscriptionsOnArm() {
        // The one refused request: the CLI's version check first probes https://azure.microsoft.com, not an identity host.
        assertThat(loginLog).filteredOn(r -> r.status() >= 400).extracting(RecordedRequest::path)
                .containsOnly("azure.microsoft.com:443");
        assertThat(loginLog).extracting(RecordedRequest::method, RecordedRequest::path)
                .contains(org.assertj.core.groups.Tuple.tuple("CONNECT", "login.microsoftonline.com:443"),
                        org.assertj.core.groups.Tuple.tuple("CONNECT", "management.azure.com:443"),
                        org.assertj.core.groups.Tuple.tuple("POST", "/" + TID + "/oauth2/v2.0/token"),
                        org.assertj.core.groups.Tuple.tuple("GET", "/subscriptions"));
        // MSAL Python knows the public cloud's hosts and reads the tenant's OpenID metadata there, with no instance discovery.
        assertThat(loginLog).filteredOn(r -> r.path().endsWith("/v2.0/.well-known/openid-configuration")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("host")).hasValueSatisfying(h -> assertThat(h).startsWith("login.microsoftonline.com")));
        assertThat(loginLog).filteredOn(r -> r.path().equals("/subscriptions")).allSatisfy(r ->
                assertThat(r.header("host")).hasValueSatisfying(h -> assertThat(h).startsWith("management.azure.com")));
    }

    @Test
    void azAccountShowAndGetAccessToken_afterLogin_nameTheEmulatorsSubscriptionAndToken() throws Exception {
        String show = az("account", "show", "-o", "json");
        String token = az("account", "get-access-token", "-o", "json");

        assertThat(show).contains("\"environmentName\": \"AzureCloud\"").contains("\"tenantId\": \"" + TID + "\"")
                .contains("\"id\": \"" + EmulatorConfig.DEFAULT_SUBSCRIPTION_ID + "\"");
        String access = token.replaceAll("(?s).*\"accessToken\": \"([^\"]+)\".*", "$1");
        assertThat(claims(access)).containsEntry("aud", "https://management.core.windows.net/")
                .containsEntry("iss", "https://sts.windows.net/" + TID + "/").containsEntry("tid", TID)
                .containsEntry("appid", EmulatorConfig.DEFAULT_CLIENT_ID);
    }

    @Test
    void azureCliCredential_afterAzLogin_getsATokenThroughTheCli() {
        AzureCliCredential credential = AzureCliCredential.builder()
                .options(CredentialOptions.builder().environment(Environment.of(Map.of("PATH", "/usr/bin:/bin"))).build())
                .processRunner(cliEnvironment()).processTimeout(TIMEOUT).build();
        int mark = emulator.requestLog().all().size();

        AccessToken token = credential.getToken(TokenRequestContext.of("https://management.azure.com/.default"));

        assertThat(claims(token.token())).containsEntry("aud", "https://management.azure.com/")
                .containsEntry("iss", "https://sts.windows.net/" + TID + "/").containsEntry("tid", TID)
                .containsEntry("appid", EmulatorConfig.DEFAULT_CLIENT_ID);
        List<RecordedRequest> all = emulator.requestLog().all();
        assertThat(all.subList(mark, all.size())).filteredOn(r -> r.path().equals("/" + TID + "/oauth2/v2.0/token"))
                .singleElement().satisfies(r -> assertThat(r.header("host"))
                        .hasValueSatisfying(h -> assertThat(h).startsWith("login.microsoftonline.com")));
        logs.assertNoSecrets(token.token(), EmulatorConfig.DEFAULT_CLIENT_SECRET);
    }
}
