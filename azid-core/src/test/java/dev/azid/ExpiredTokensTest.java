package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.internal.process.ProcessResult;
import dev.azid.internal.process.ProcessRunner;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, class 5 for every source other than managed identity: the token endpoint (client
 * credentials, federated exchanges, on-behalf-of, user flows), developer tools, and the persistent cache.
 */
class ExpiredTokensTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.ZXhwaXJlZC10b2tlbg";
    private static final String T = ClientSecretCredentialTest.TENANT;
    private static final String C = ClientSecretCredentialTest.CLIENT;
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private final ScriptedTransport transport = new ScriptedTransport();

    private static String tokenAnswer(String expiresIn) {
        return "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"access_token\":\"" + TOKEN + "\"}";
    }

    private ClientSecretCredential secret() {
        return ClientSecretCredential.builder().tenantId(T).clientId(C).clientSecret("s3cret").options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock).sleeper(new RecordingSleeper(clock), () -> 0.5).build()).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "\"-3600\"", "9223372036854775807", "604801", "3600.5", "\"NaN\"", "\"\"", "null",
        "true", "\"3600 seconds\"", "123456789012345678901234567890"})
    void tokenEndpoint_invalidExpiresIn_isAMalformedAnswer(String expiresIn) {
        transport.thenJson(200, tokenAnswer(expiresIn));
        assertThatThrownBy(() -> secret().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageStartingWith("ClientSecretCredential: ")
                .hasMessageContaining("not with a usable token response").hasMessageContaining("expires_in")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    @Timeout(20)
    void tokenEndpoint_hugeExponentExpiresIn_isRefusedWithoutWritingItOut() {
        transport.thenJson(200, "{\"token_type\":1e999999999,\"expires_in\":1e999999999,\"refresh_in\":1e999999999,"
                + "\"access_token\":\"" + TOKEN + "\"}");
        assertThatThrownBy(() -> secret().getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("expires_in");
    }

    @Test
    void federatedExchanges_andOnBehalfOf_refuseAnAlreadyExpiredToken() throws Exception {
        Path file = Files.writeString(dir.resolve("sa-token"), "sa-token-value");
        transport.always(r -> ScriptedTransport.json(200, r.uri().getPath().endsWith("/token") ? tokenAnswer("0")
                : "{\"value\":\"gh-oidc\",\"oidcToken\":\"ado-oidc\"}", Map.of()));
        TokenCredential[] credentials = {
            WorkloadIdentityCredential.builder().tenantId(T).clientId(C).tokenFilePath(file)
                    .options(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(transport).executor(Runnable::run).build()).build(),
            GitHubActionsCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of("ACTIONS_ID_TOKEN_REQUEST_URL",
                    "https://pipelines.actions.githubusercontent.com/abc/idtoken?api-version=2.0",
                    "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh-request", "AZURE_CLIENT_ID", C, "AZURE_TENANT_ID", T))).httpTransport(transport).executor(Runnable::run).build()).build(),
            AzurePipelinesCredential.builder().tenantId(T).clientId(C).serviceConnectionId("sc").systemAccessToken("sat")
                    .oidcRequestUri("https://dev.azure.com/org/_apis/oidctoken").options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).build()).build(),
            OnBehalfOfCredential.builder().tenantId(T).clientId(C).clientSecret("s3cret").userAssertion("incoming")
                    .options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).build()).build()};
        for (TokenCredential c : credentials) {
            assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).as(c.toString())
                    .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("expires_in is 0")
                    .hasMessageNotContaining(TOKEN);
        }
    }

    @Test
    void userFlow_usernamePassword_refusesAnAlreadyExpiredToken() {
        transport.always(r -> ScriptedTransport.json(200, tokenAnswer("\"-5\""), Map.of()));
        UsernamePasswordCredential c = UsernamePasswordCredential.builder().tenantId(T).clientId(C).username("u@contoso.com")
                .password("pw").options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).clock(clock).build()).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("expires_in is -5").hasMessageNotContaining(TOKEN);
    }

    /** A fake tool on PATH: the file only has to exist; the runner answers for it. */
    private Environment toolPath(String... tools) throws Exception {
        for (String tool : tools) {
            Path p = Files.writeString(dir.resolve(tool), "#!/bin/sh\nexit 1\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return Environment.of(Map.of("PATH", dir.toString()));
    }

    private static ProcessRunner printing(String stdout) {
        return (argv, env, cwd, timeout) -> new ProcessResult(0, stdout, "", false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"expires_on\":0", "\"expires_on\":1795513800", "\"expires_on\":9223372036854775807",
        "\"expiresOn\":\"2026-11-24 09:50:00.000000\"", "\"expiresOn\":\"9999-12-31 23:59:59.000000\"", "\"tokenType\":\"Bearer\""})
    void azureCli_expiredOrImplausibleExpiry_isRefused(String field) throws Exception {
        AzureCliCredential c = AzureCliCredential.builder().options(CredentialOptions.builder().environment(toolPath("az")).clock(clock).build()).localZone(ZoneOffset.UTC)
                .osName("Linux").processRunner(printing("{\"accessToken\":\"" + TOKEN + "\"," + field + "}")).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("'az account get-access-token' succeeded but").hasMessageContaining("xpires")
                .hasMessageNotContaining(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T09:59:59Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z"})
    void azureDeveloperCli_expiredOrImplausibleExpiry_isRefused(String expiresOn) throws Exception {
        AzureDeveloperCliCredential c = AzureDeveloperCliCredential.builder().options(CredentialOptions.builder().environment(toolPath("azd")).clock(clock).build()).localZone(ZoneOffset.UTC).osName("Linux")
                .processRunner(printing("{\"token\":\"" + TOKEN + "\",\"expiresOn\":\"" + expiresOn + "\"}")).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("its expiresOn is").hasMessageNotContaining(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1795513800", "-9223372036854775808", "9223372036854775807", "1.79551E9"})
    void azurePowerShell_expiredOrImplausibleExpiry_isRefused(String expiresOn) throws Exception {
        AzurePowerShellCredential c = AzurePowerShellCredential.builder().options(CredentialOptions.builder().environment(toolPath("pwsh")).clock(clock).build()).localZone(ZoneOffset.UTC).osName("Linux")
                .processRunner(printing("{\"Token\":\"" + TOKEN + "\",\"ExpiresOn\":" + expiresOn + "}")).build();
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("ExpiresOn").hasMessageNotContaining(TOKEN);
    }

    @Test
    void persistentCache_expiredStoredAccessToken_isNotUsed_theRefreshTokenIs() {
        long now = Instant.now().getEpochSecond();
        String stored = "{\"version\":1,\"entries\":[{\"clientId\":\"" + C + "\",\"homeAccountId\":\"uid.utid\","
                + "\"authority\":\"https://login.microsoftonline.com/\",\"tenantId\":\"" + T + "\",\"username\":\"u\","
                + "\"refreshToken\":\"rt-1\",\"accessTokens\":{\"" + T + " " + ARM + "\":{\"token\":\"stale-at\","
                + "\"expiresOn\":" + (now - 600) + ",\"refreshOn\":" + (now + 600) + "},\"" + T + " https://x/.default\":"
                + "{\"token\":\"forever-at\",\"expiresOn\":253402300799,\"refreshOn\":253402300000}}}]}";
        AtomicReference<byte[]> bytes = new AtomicReference<>(stored.getBytes(StandardCharsets.UTF_8));
        PersistentTokenStore store = new PersistentTokenStore() {
            @Override
            public byte[] read() {
                return bytes.get();
            }

            @Override
            public synchronized void update(UnaryOperator<byte[]> change) {
                bytes.set(change.apply(bytes.get()));
            }
        };
        transport.always(r -> ScriptedTransport.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"access_token\":\"fresh-at\",\"refresh_token\":\"rt-2\"}", Map.of()));
        assertThat(silent(store).getToken(TokenRequestContext.of(ARM)).token()).as("expired 10 minutes ago")
                .isEqualTo("fresh-at");
        assertThat(silent(store).getToken(TokenRequestContext.of("https://x/.default")).token()).as("expires in year 9999")
                .isEqualTo("fresh-at");
        assertThat(transport.calls()).isEqualTo(2);
        assertThat(ClientSecretCredentialTest.form(transport.lastBody())).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "rt-2");
    }

    private DeviceCodeCredential silent(PersistentTokenStore store) {
        return DeviceCodeCredential.builder().tenantId(T).clientId(C)
                .tokenCachePersistenceOptions(TokenCachePersistenceOptions.builder().store(store).allowUnencryptedStorage(true)
                        .build())
                .authenticationRecord(new AuthenticationRecord("https://login.microsoftonline.com/", "uid.utid", T, "u", C))
                .disableAutomaticAuthentication().options(CredentialOptions.builder().httpTransport(transport).executor(Runnable::run).build()).timeout(Duration.ofSeconds(5))
                .build();
    }
}
