package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.DefaultAzureCredential.Kind;
import dev.azid.internal.env.SystemEnvironment;
import dev.azid.internal.process.ProcessResult;
import dev.azid.internal.process.ProcessRunner;
import dev.azid.test.RecordingRunner;
import dev.azid.test.ScriptedTransport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DefaultAzureCredential behaves as azure-identity 1.19's does: dev tools, tenant, builder settings, AZURE_TOKEN_CREDENTIALS. */
class DefaultAzureCredentialParityTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final String AZ_ERROR = "ERROR: The command failed with an unexpected error. Here is the traceback.";

    @TempDir
    Path bin;

    private final RecordingRunner recording = new RecordingRunner();

    /** {@code az} runs and fails; every other tool answers as a signed-in tool would. */
    private final ProcessRunner failingAz = (argv, extra, dir, timeout) -> Path.of(argv.get(0)).getFileName().toString()
            .equals("az") ? new ProcessResult(1, "", AZ_ERROR, false) : recording.run(argv, extra, dir, timeout);

    private Map<String, String> tools(String... names) throws Exception {
        RecordingRunner.placeholders(bin, names);
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin.toString());
        return env;
    }

    private static CredentialOptions options(Map<String, String> env) {
        // The recorded tools' tokens expire on 2026-11-24 at 11:00.
        return CredentialOptions.builder().environment(Environment.of(env)).executor(Runnable::run)
                .clock(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC)).build();
    }

    @Test
    void getToken_azRunsAndFails_isUnavailableAndTheChainMovesOn() throws Exception {
        Map<String, String> env = tools("az", "azd");
        env.put("AZURE_TOKEN_CREDENTIALS", "dev");
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(options(env)).processRunner(failingAz).build();

        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isEqualTo(RecordingRunner.TOKEN);
        assertThat(c.selectedCredential()).containsInstanceOf(AzureDeveloperCliCredential.class);
    }

    @Test
    void getTokenAsync_azRunsAndFails_isUnavailableAndTheChainMovesOn() throws Exception {
        Map<String, String> env = tools("az", "azd");
        env.put("AZURE_TOKEN_CREDENTIALS", "dev");
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(options(env)).processRunner(failingAz).build();

        assertThat(c.getTokenAsync(TokenRequestContext.of(ARM)).join().token()).isEqualTo(RecordingRunner.TOKEN);
        assertThat(c.selectedCredential()).containsInstanceOf(AzureDeveloperCliCredential.class);
    }

    @Test
    void getToken_onlyTheFailingTool_isUnavailableWithTheToolsMessage() throws Exception {
        Map<String, String> env = tools("az");
        env.put("AZURE_TOKEN_CREDENTIALS", "AzureCliCredential");
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(options(env)).processRunner(failingAz).build();

        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(CredentialUnavailableException.class)
                .hasMessageContaining("    AzureCliCredential: 'az account get-access-token' failed with exit code 1")
                .hasMessageContaining("unexpected error");
    }

    @Test
    void getToken_standaloneTool_runsAndFails_isStillAFailure() throws Exception {
        AzureCliCredential cli = AzureCliCredential.builder().options(options(tools("az"))).processRunner(failingAz).build();

        assertThatThrownBy(() -> cli.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("AzureCliCredential: 'az account get-access-token' failed with exit code 1");
        assertThatThrownBy(() -> cli.getTokenAsync(TokenRequestContext.of(ARM)).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void getToken_invalidScope_stillPropagatesInTheChain() throws Exception {
        Map<String, String> env = tools("az");
        env.put("AZURE_TOKEN_CREDENTIALS", "AzureCliCredential");
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(options(env)).processRunner(failingAz).build();

        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of("https://x.example/.default\"; rm -rf /")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void build_azureTenantId_isPassedToTheTools_andTheBuilderValueWins() throws Exception {
        Map<String, String> env = tools("az", "azd", "pwsh");
        env.put("AZURE_TENANT_ID", "contoso.onmicrosoft.com");
        for (String name : List.of("AzureCliCredential", "AzurePowerShellCredential", "AzureDeveloperCliCredential")) {
            env.put("AZURE_TOKEN_CREDENTIALS", name);
            DefaultAzureCredential.builder().options(options(env)).processRunner(recording).build()
                    .getToken(TokenRequestContext.of(ARM));
        }
        // PowerShell gets its script base64-encoded (UTF-16LE) in its last argument.
        assertThat(recording.runs()).hasSize(3).allSatisfy(argv -> assertThat(argv.get(0).endsWith("pwsh")
                ? new String(java.util.Base64.getDecoder().decode(argv.get(argv.size() - 1)),
                        java.nio.charset.StandardCharsets.UTF_16LE)
                : String.join(" ", argv)).contains("contoso.onmicrosoft.com"));

        env.put("AZURE_TOKEN_CREDENTIALS", "AzureCliCredential");
        DefaultAzureCredential.builder().options(options(env)).processRunner(recording).tenantId("fabrikam.com").build()
                .getToken(TokenRequestContext.of(ARM));
        assertThat(recording.runs().get(3)).contains("--tenant=fabrikam.com");
    }

    @Test
    void build_badAzureTenantId_isRefusedNamingTheVariable() throws Exception {
        Map<String, String> env = tools();
        env.put("AZURE_TENANT_ID", "--tenant evil");
        assertThatThrownBy(() -> DefaultAzureCredential.builder().options(options(env)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AZURE_TENANT_ID");
    }

    @Test
    void authorityHost_onTheBuilder_reachesEveryMember_overTheOptionsHost() {
        ScriptedTransport t = new ScriptedTransport().thenJson(200, ScriptedTransport.tokenJson("env-token", 3599));
        Map<String, String> env = Map.of("AZURE_TENANT_ID", ClientSecretCredentialTest.TENANT, "AZURE_CLIENT_ID",
                ClientSecretCredentialTest.CLIENT, "AZURE_CLIENT_SECRET", ClientSecretCredentialTest.SECRET,
                "AZURE_AUTHORITY_HOST", "https://login.chinacloudapi.cn");
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(CredentialOptions.builder()
                .environment(Environment.of(env)).authorityHost("https://login.microsoftonline.de").httpTransport(t)
                .executor(Runnable::run).build()).authorityHost("https://login.microsoftonline.us").build();

        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("env-token");
        assertThat(t.requests().get(0).uri().getHost()).isEqualTo("login.microsoftonline.us");
    }

    @Test
    void managedIdentityResourceId_isSent_andAzureClientIdIsNotUsed() {
        ScriptedTransport t = new ScriptedTransport().thenJson(400, "{\"error\":\"bad_request\"}")
                .thenJson(200, "{\"access_token\":\"mi\",\"expires_in\":\"3600\"}");
        String id = "/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/app";
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(CredentialOptions.builder()
                .environment(Environment.of(Map.of("AZURE_CLIENT_ID", "uami-client", "AZURE_TOKEN_CREDENTIALS", "prod")))
                .httpTransport(t).executor(Runnable::run).build()).managedIdentityResourceId(id).build();

        assertThat(c.getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("mi");
        assertThat(t.requests().get(1).uri().getRawQuery()).contains("msi_res_id=").doesNotContain("uami-client");
    }

    @Test
    void build_bothManagedIdentityIds_isRefused() {
        assertThatThrownBy(() -> DefaultAzureCredential.builder().options(options(Map.of())).managedIdentityClientId("a")
                .managedIdentityResourceId("/subscriptions/s/rg/x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("managedIdentityClientId and managedIdentityResourceId are both set");
    }

    @Test
    void requireEnvVars_unsetVariables_failTheBuildNamingEach() {
        assertThatThrownBy(() -> DefaultAzureCredential.builder().options(options(Map.of("AZURE_CLIENT_ID", "c")))
                .requireEnvVars(AzureIdentityEnvVars.AZURE_CLIENT_ID, AzureIdentityEnvVars.AZURE_TENANT_ID,
                        AzureIdentityEnvVars.fromString("MY_APP_REGION")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DefaultAzureCredential: required variables AZURE_TENANT_ID, MY_APP_REGION are not set.")
                .hasMessageNotContaining("AZURE_CLIENT_ID");
        assertThatThrownBy(() -> DefaultAzureCredential.builder().requireEnvVars(AzureIdentityEnvVars.AZURE_CLIENT_ID, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
    }

    @Test
    void requireEnvVars_setAsSystemPropertyOrVariable_builds() {
        Environment env = SystemEnvironment.of(Map.of("AZURE_TENANT_ID", "t"), Map.of("AZURE_CLIENT_ID", "c"));
        assertThat(DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(env).build())
                .requireEnvVars(AzureIdentityEnvVars.AZURE_TENANT_ID, AzureIdentityEnvVars.AZURE_CLIENT_ID).build())
                .isNotNull();
    }

    @Test
    void disableInstanceDiscovery_isAcceptedAndChangesNothing() {
        ScriptedTransport t = new ScriptedTransport();
        DefaultAzureCredential c = DefaultAzureCredential.builder().options(CredentialOptions.builder()
                .environment(Environment.of(Map.of())).httpTransport(t).build()).disableInstanceDiscovery().build();
        assertThat(c.kinds()).isEqualTo(DefaultAzureCredential.builder().options(options(Map.of())).build().kinds());
        assertThat(t.calls()).isZero();
    }

    @Test
    void azureTokenCredentials_acceptsEveryNameOfTheReference_inAnyCase() {
        Map<String, Kind> names = Map.of("environmentcredential", Kind.ENVIRONMENT,
                "WORKLOADIDENTITYCREDENTIAL", Kind.WORKLOAD_IDENTITY, "ManagedIdentityCredential", Kind.MANAGED_IDENTITY,
                " IntelliJCredential ", Kind.INTELLIJ, "AzureCliCredential", Kind.AZURE_CLI,
                "azurepowershellcredential", Kind.AZURE_POWERSHELL, "AzureDeveloperCliCredential", Kind.AZURE_DEVELOPER_CLI,
                "VisualStudioCodeCredential", Kind.VISUAL_STUDIO_CODE);
        names.forEach((value, kind) -> assertThat(DefaultAzureCredential.builder()
                .options(options(Map.of("AZURE_TOKEN_CREDENTIALS", value))).build().kinds()).as(value).containsExactly(kind));
    }

    @Test
    void azureTokenCredentials_anAlwaysUnavailableCredential_buildsAndIsUnavailableAtGetToken() {
        for (String name : List.of("IntelliJCredential", "VisualStudioCodeCredential")) {
            DefaultAzureCredential c = DefaultAzureCredential.builder()
                    .options(options(Map.of("AZURE_TOKEN_CREDENTIALS", name))).build();
            assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).as(name)
                    .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("    " + name + ": ")
                    .hasMessageContaining("az login");
        }
    }
}
