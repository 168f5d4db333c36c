package dev.azid.azure.identity.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.test.LogCapture;
import dev.azid.test.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the migration corpus, programs written against azure-identity with only the import changed
 * to {@code dev.azid.azure.identity}, against the emulator, and checks from each token's claims that
 * the emulator issued it to the right identity for the right resource.
 */
class MigrationCorpusTest {

    private static final String TENANT = EmulatorConfig.DEFAULT_TENANT_ID;
    private static final String ALICE = "a11ce000-0000-4000-8000-00000000a11c";

    private static TestCertificates certs;
    private static EntraEmulator emulator;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private Sandbox sandbox;

    @BeforeAll
    static void start() {
        certs = TestCertificates.valid();
        emulator = CorpusEmulator.start(certs);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void sandbox() throws Exception {
        emulator.requestLog().clear();
        sandbox = CorpusEmulator.sandbox(emulator, dir, certs);
    }

    private Sandbox withVariables(Map<String, String> variables) {
        return sandbox.with(new MapConfiguration(variables));
    }

    private static Map<String, String> servicePrincipal() {
        return Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                "AZURE_CLIENT_SECRET", EmulatorConfig.DEFAULT_CLIENT_SECRET);
    }

    private static Map<String, Object> claims(AccessToken token) {
        assertThat(token.getExpiresAt()).isAfter(OffsetDateTime.now().plusMinutes(30));
        return Jwt.claims(token.getToken());
    }

    private static void assertApp(AccessToken token, String audience, String clientId) {
        Map<String, Object> c = claims(token);
        assertThat(c.get("aud")).asString().startsWith(audience);
        assertThat(c).containsEntry("tid", TENANT).containsEntry("appid", clientId).containsEntry("idtyp", "app");
    }

    @Test
    void defaultAzureCredential_environmentServicePrincipal_getsArmToken() {
        AccessToken token = DefaultAzureCredentialSample.run(withVariables(servicePrincipal()));
        assertApp(token, "https://management.azure.com", EmulatorConfig.DEFAULT_CLIENT_ID);
        logs.assertNoSecrets(EmulatorConfig.DEFAULT_CLIENT_SECRET, token.getToken());
    }

    @Test
    void keyVaultSecretClient_withDefaultAzureCredential_roundTripsASecret() {
        assertThat(KeyVaultSecretSample.run(withVariables(servicePrincipal()))).isEqualTo("value-from-the-sample");
        assertThat(emulator.requestLog().matching("/oauth2/v2.0/token")).hasSize(1)
                .allSatisfy(r -> assertThat(r.form()).containsEntry("scope", "https://vault.azure.net/.default"));
    }

    @Test
    void clientSecret_blockingAndReactive_shareOneCachedToken() {
        AccessToken[] tokens = ClientSecretSample.run(sandbox);
        assertApp(tokens[0], "https://graph.microsoft.com", EmulatorConfig.DEFAULT_CLIENT_ID);
        assertThat(tokens[1].getToken()).isEqualTo(tokens[0].getToken());
        assertThat(emulator.requestLog().count("/oauth2/v2.0/token")).isEqualTo(1);
    }

    @Test
    void clientCertificate_pemFile_getsArmTokenForTheCertificateApp() {
        AccessToken token = ClientCertificateSample.run(sandbox);
        assertApp(token, "https://management.azure.com", CorpusEmulator.CERT_APP);
        assertThat(claims(token)).containsEntry("appidacr", "2");
    }

    @Test
    void managedIdentity_userAssignedOnAppService_getsStorageTokenForThatIdentity() {
        AccessToken token = ManagedIdentitySample.run(withVariables(appService()));
        Map<String, Object> c = claims(token);
        assertThat(c.get("aud")).asString().startsWith("https://storage.azure.com");
        assertThat(c).containsEntry("appid", CorpusEmulator.USER_ASSIGNED).containsEntry("oid", CorpusEmulator.USER_ASSIGNED_OBJECT);
    }

    private Map<String, String> appService() {
        return Map.of("IDENTITY_ENDPOINT", emulator.endpoints().appServiceEndpoint().toString(),
                "IDENTITY_HEADER", emulator.endpoints().identityHeader());
    }

    @Test
    void chain_environmentUnconfigured_movesOnToTheManagedIdentity() {
        AccessToken token = ChainedCredentialSample.run(withVariables(appService()));
        assertThat(claims(token)).containsEntry("appid", CorpusEmulator.USER_ASSIGNED);
        assertThat(claims(token).get("aud")).asString().startsWith("https://management.azure.com");
    }

    @Test
    void workloadIdentity_webhookVariables_exchangeTheServiceAccountToken() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("sa-token"),
                emulator.federatedToken(EmulatorConfig.DEFAULT_FEDERATED_SUBJECT));
        AccessToken token = WorkloadIdentitySample.run(withVariables(Map.of("AZURE_TENANT_ID", TENANT,
                "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID, "AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString(),
                "AZURE_AUTHORITY_HOST", emulator.authorityHost().toString())));
        assertApp(token, "https://vault.azure.net", EmulatorConfig.DEFAULT_CLIENT_ID);
        assertThat(emulator.requestLog().last().form()).containsEntry("client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    }

    @Test
    void onBehalfOf_exchangesTheUsersTokenForGraphAsTheSameUser() {
        AccessToken[] tokens = OnBehalfOfSample.run(sandbox);
        Map<String, Object> incoming = claims(tokens[0]);
        Map<String, Object> graph = claims(tokens[1]);
        assertThat(incoming).containsEntry("oid", ALICE);
        assertThat(graph).containsEntry("oid", ALICE).containsEntry("tid", TENANT).containsEntry("idtyp", "user");
        assertThat(graph.get("aud")).asString().startsWith("https://graph.microsoft.com");
        logs.assertNoSecrets(EmulatorConfig.DEFAULT_PASSWORD, tokens[0].getToken(), tokens[1].getToken());
    }

    @Test
    void deviceCode_challengeConsumer_showsTheCodeOnce_thenRefreshesSilently() {
        List<String> shown = new ArrayList<>();
        AccessToken[] tokens = DeviceCodeSample.run(sandbox, shown);
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0)).contains("/devicelogin");
        assertThat(claims(tokens[0])).containsEntry("oid", ALICE);
        assertThat(claims(tokens[1]).get("aud")).asString().startsWith("https://management.azure.com");
        assertThat(emulator.requestLog().last().form()).containsEntry("grant_type", "refresh_token");
    }

    @Test
    void azureCli_onTheConfiguredPath_givesItsTokenAndGetsTheTenant() throws Exception {
        AccessToken fromEntra = ClientSecretSample.run(sandbox)[0];
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path args = dir.resolve("az-args");
        long expiresOn = fromEntra.getExpiresAt().toEpochSecond();
        Path az = Files.writeString(bin.resolve("az"), "#!/bin/sh\necho \"$@\" > '" + args + "'\ncat <<'JSON'\n"
                + "{\"accessToken\":\"" + fromEntra.getToken() + "\",\"expires_on\":" + expiresOn
                + ",\"tokenType\":\"Bearer\",\"tenant\":\"" + TENANT + "\"}\nJSON\n");
        assertThat(az.toFile().setExecutable(true)).isTrue();
        Map<String, String> variables = new HashMap<>(Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", dir.toString()));
        AccessToken token = AzureCliSample.run(withVariables(variables));
        assertThat(token.getToken()).isEqualTo(fromEntra.getToken());
        assertThat(token.getExpiresAt().toEpochSecond()).isEqualTo(expiresOn);
        assertThat(Files.readString(args)).contains("account get-access-token").contains(TENANT);
    }

    @Test
    void bearerTokenSupplier_givesAuthorizationHeadersFromTheCache() {
        String[] headers = BearerTokenSupplierSample.run(sandbox);
        assertThat(headers[0]).startsWith("Bearer eyJ").isEqualTo(headers[1]);
        assertThat(Jwt.claims(headers[0].substring("Bearer ".length())).get("aud")).asString()
                .startsWith(CorpusEmulator.COGNITIVE);
        assertThat(emulator.requestLog().count("/oauth2/v2.0/token")).isEqualTo(1);
    }

    @Test
    void persistentCache_recordAndCache_letALaterRunSignInSilently() {
        AccessToken token = PersistentCacheSample.run(withVariables(Map.of("HOME", dir.toString())));
        assertThat(claims(token)).containsEntry("oid", ALICE);
        assertThat(dir.resolve(".azid")).isDirectory();
        assertThat(emulator.requestLog().count("/devicecode")).isEqualTo(1);
    }
}
