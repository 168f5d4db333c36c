package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** azd and Azure PowerShell credentials against fake executables written by the tests. */
class DeveloperToolCredentialsTest extends FakeToolFixture {

    /** A fake {@code tool} that records its arguments in {@code <tool>.args}, then runs {@code body}. */
    private void fake(String tool, String body) throws Exception {
        writeTool(tool, "printf '%s\\n' \"$@\" > " + bin.resolve(tool + ".args") + "\n" + body);
    }

    private Environment path() {
        return Environment.of(Map.of("PATH", bin.toString()));
    }

    private AzureDeveloperCliCredential azd() {
        return AzureDeveloperCliCredential.builder().options(CredentialOptions.builder().environment(path()).clock(clock).build()).localZone(ZoneOffset.UTC).osName("Linux")
                .processTimeout(Duration.ofSeconds(10)).build();
    }

    private AzurePowerShellCredential pwsh() {
        return AzurePowerShellCredential.builder().options(CredentialOptions.builder().environment(path()).clock(clock).build()).localZone(ZoneOffset.UTC).osName("Linux").build();
    }

    @Test
    void azd_success_passesScopesTenantAndNoPrompt() throws Exception {
        fake("azd", "echo '{\"token\":\"" + TOKEN + "\",\"expiresOn\":\"2026-11-24T11:00:00Z\"}'");
        AccessToken t = azd().getToken(TokenRequestContext.builder().scopes(ARM, "https://x/.default")
                .tenantId("contoso.com").build());
        assertThat(t.token()).isEqualTo(TOKEN);
        assertThat(t.expiresAt()).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
        assertThat(Files.readAllLines(bin.resolve("azd.args"))).containsExactly("auth", "token", "--output", "json",
                "--no-prompt", "--scope=" + ARM, "--scope=https://x/.default", "--tenant-id=contoso.com");
    }

    @Test
    void azd_notLoggedIn_isUnavailable() throws Exception {
        fake("azd", "echo 'ERROR: not logged in, run `azd auth login` to login' >&2; exit 1");
        assertThatThrownBy(() -> azd().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("azd auth login");
    }

    @Test
    void azd_missingOrOtherFailureOrBadOutput_areToldApart() throws Exception {
        assertThatThrownBy(() -> azd().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("not installed");
        fake("azd", "echo 'boom " + TOKEN + "' >&2; exit 3");
        assertThatThrownBy(() -> azd().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("exit code 3")
                .hasMessageNotContaining(TOKEN);
        fake("azd", "echo '{\"token\":\"x\",\"expiresOn\":\"tomorrow\"}'");
        assertThatThrownBy(() -> azd().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("not an ISO-8601 date");
    }

    @Test
    void pwsh_success_runsEncodedScriptWithoutShell() throws Exception {
        fake("pwsh", "echo 'WARNING: something'; echo '{\"Token\":\"" + TOKEN + "\",\"ExpiresOn\":1795600000}'");
        AccessToken t = pwsh().getToken(TokenRequestContext.of(ARM).withTenantId("contoso.com"));
        assertThat(t.token()).isEqualTo(TOKEN);
        assertThat(t.expiresAt()).isEqualTo(Instant.ofEpochSecond(1795600000));
        List<String> args = Files.readAllLines(bin.resolve("pwsh.args"));
        assertThat(args.subList(0, 3)).containsExactly("-NoProfile", "-NonInteractive", "-EncodedCommand");
        String script = new String(Base64.getDecoder().decode(args.get(3)), StandardCharsets.UTF_16LE);
        assertThat(script).contains("ResourceUrl = 'https://management.azure.com'", "$p['TenantId'] = 'contoso.com'",
                "AsSecureString", "Get-AzAccessToken");
    }

    @Test
    void pwsh_noModuleOrNotSignedIn_isUnavailable() throws Exception {
        fake("pwsh", "echo AZID_NO_AZ_ACCOUNTS_MODULE");
        assertThatThrownBy(() -> pwsh().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("Az.Accounts");
        fake("pwsh", "echo 'Run Connect-AzAccount to login.' >&2; exit 1");
        assertThatThrownBy(() -> pwsh().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("Run Connect-AzAccount");
    }

    @Test
    void pwsh_scopeWithQuote_isRefusedBeforeRunning() throws Exception {
        fake("pwsh", "touch " + bin.resolve("ran"));
        assertThatThrownBy(() -> pwsh().getToken(TokenRequestContext.of("https://x'; Remove-Item -Recurse /'/.default")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(bin.resolve("ran")).doesNotExist();
    }

    @Test
    void tokens_neverLogged() throws Exception {
        fake("azd", "echo '{\"token\":\"" + TOKEN + "\",\"expiresOn\":\"2026-11-24T11:00:00Z\"}'");
        fake("pwsh", "echo '{\"Token\":\"" + TOKEN + "\",\"ExpiresOn\":1795600000}'");
        azd().getToken(TokenRequestContext.of(ARM));
        pwsh().getToken(TokenRequestContext.of(ARM));
        logs.assertNoSecrets(TOKEN);
    }
}
