package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.internal.process.ProcessRunner;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs real processes: fake {@code az} executables that the tests write. */
class AzureCliCredentialTest extends FakeToolFixture {

    private void fakeAz(String body) throws Exception {
        writeTool("az", body);
    }

    private AzureCliCredential.Builder builder() {
        return AzureCliCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of("PATH", bin.toString()))).clock(clock).executor(Runnable::run).build()).localZone(ZoneId.of("Europe/Berlin")).osName("Linux");
    }

    @Test
    void getToken_expiresOnEpoch_isPreferredAndArgvIsExact() throws Exception {
        fakeAz("printf '%s\\n' \"$@\" > " + bin.resolve("args") + "\n"
                + "echo '{\"accessToken\":\"" + TOKEN + "\",\"expiresOn\":\"2026-11-24 11:59:00.000000\","
                + "\"expires_on\":1795600000,\"tenant\":\"t\",\"tokenType\":\"Bearer\"}'");
        AccessToken t = builder().tenantId("contoso.com").subscription("My Sub 1").build()
                .getToken(TokenRequestContext.of(ARM));
        assertThat(t.token()).isEqualTo(TOKEN);
        assertThat(t.expiresAt()).isEqualTo(Instant.ofEpochSecond(1795600000));
        assertThat(Files.readAllLines(bin.resolve("args"))).containsExactly("account", "get-access-token", "--output",
                "json", "--scope=" + ARM, "--tenant=contoso.com", "--subscription=My Sub 1");
    }

    @Test
    void getToken_onlyLocalExpiresOn_isReadInLocalZone() throws Exception {
        fakeAz("echo '{\"accessToken\":\"" + TOKEN + "\",\"expiresOn\":\"2026-11-24 12:00:00.123456\",\"tokenType\":\"Bearer\"}'");
        AccessToken t = builder().build().getToken(TokenRequestContext.of(ARM));
        assertThat(t.expiresAt()).isEqualTo(Instant.parse("2026-11-24T11:00:00.123456Z"));
    }

    @Test
    void getToken_secondCall_servedFromCacheWithoutRunningAz() throws Exception {
        fakeAz("echo x >> " + bin.resolve("runs") + "\necho '{\"accessToken\":\"" + TOKEN + "\",\"expires_on\":1795600000}'");
        AzureCliCredential c = builder().build();
        clock.set(Instant.ofEpochSecond(1795600000 - 3600));
        c.getToken(TokenRequestContext.of(ARM));
        c.getToken(TokenRequestContext.of(ARM));
        assertThat(Files.readAllLines(bin.resolve("runs"))).hasSize(1);
    }

    @Test
    void getToken_notInstalled_isUnavailable() {
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class)
                .hasMessage("AzureCliCredential: the Azure CLI ('az') is not installed or not on PATH (searched the PATH "
                        + "directories " + bin + "). Install the Azure CLI and run 'az login'.");
    }

    @Test
    void getToken_notLoggedIn_isUnavailableWithCommand() throws Exception {
        fakeAz("echo \"ERROR: Please run 'az login' to setup account.\" >&2; exit 1");
        assertThatThrownBy(() -> builder().tenantId("contoso.com").build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class)
                .hasMessageContaining("not signed in to tenant contoso.com").hasMessageContaining("az login --tenant contoso.com");
    }

    @Test
    void getToken_exit127_isNotInstalled() throws Exception {
        fakeAz("exit 127");
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("not installed");
    }

    @Test
    void getToken_hangingAz_isKilledAtTimeoutAndUnavailable() throws Exception {
        fakeAz("sleep 30");
        long start = System.nanoTime();
        assertThatThrownBy(() -> builder().processTimeout(Duration.ofMillis(500)).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("did not finish within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the timeout, not by the child")
                .isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void getToken_otherError_failsWithSanitisedOutput() throws Exception {
        fakeAz("echo 'ERROR: AADSTS50173: grant expired {\"accessToken\": \"" + TOKEN + "\"} " + TOKEN + "' >&2; exit 2");
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("exit code 2").hasMessageContaining("AADSTS50173")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void getToken_garbageOrHugeOutput_failsClearly() throws Exception {
        fakeAz("echo 'this is not json'");
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("output is not JSON");
        fakeAz("head -c 10485760 /dev/zero | tr '\\0' 'a'");
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("not JSON");
    }

    @Test
    void getToken_injectionInScopeOrTenant_refusedBeforeRunning() throws Exception {
        fakeAz("touch " + bin.resolve("ran"));
        for (String scope : new String[] {"https://x/.default; rm -rf /", "https://x/.default|id", "a&b", "$(id)"}) {
            assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(scope)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.of(ARM).withTenantId("t;id")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().subscription("sub\";id").build()).isInstanceOf(IllegalArgumentException.class);
        assertThat(bin.resolve("ran")).doesNotExist();
    }

    @Test
    void getToken_claimsChallenge_isUnavailableWithLoginCommand() throws Exception {
        fakeAz("exit 0");
        assertThatThrownBy(() -> builder().build().getToken(TokenRequestContext.builder().scopes(ARM)
                .claims("{\"access_token\":{}}").build()))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("--claims-challenge");
    }

    @Test
    void getToken_runnerCannotStart_isUnavailable() throws Exception {
        fakeAz("exit 0");
        ProcessRunner broken = (argv, env, dir, timeout) -> {
            throw new java.io.IOException("error=13, Permission denied");
        };
        assertThatThrownBy(() -> builder().processRunner(broken).build().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("could not be started");
    }

    @Test
    void tokens_neverLogged() throws Exception {
        fakeAz("echo '{\"accessToken\":\"" + TOKEN + "\",\"expires_on\":1795600000}'");
        AzureCliCredential c = builder().build();
        c.getToken(TokenRequestContext.of(ARM));
        assertThat(c.toString()).doesNotContain(TOKEN);
        logs.assertNoSecrets(TOKEN);
    }
}
