package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.MutableClock;
import dev.azid.test.RecordingRunner;
import dev.azid.test.ScriptedTransport;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code AZURE_IDENTITY_DISABLE_MULTITENANTAUTH}: as in azure-identity, a request for another tenant is refused. */
class MultiTenantDisabledTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final TokenRequestContext OTHER_TENANT = TokenRequestContext.builder().scopes(ARM)
            .tenantId("fabrikam.com").build();

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final ScriptedTransport transport = new ScriptedTransport();

    @TempDir
    Path bin;

    private ClientSecretCredential secret(Map<String, String> env) {
        return ClientSecretCredential.builder().tenantId("contoso.com").clientId("00000000-0000-0000-0000-0000000000c1")
                .clientSecret("a-configured-secret").options(CredentialOptions.builder().environment(Environment.of(env))
                        .additionallyAllowedTenants("*").httpTransport(transport).executor(Runnable::run).clock(clock)
                        .build()).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "1", " true "})
    void getToken_otherTenantWhileDisabled_refusedBeforeAnyRequestNamingTheVariable(String value) {
        ClientSecretCredential c = secret(Map.of("AZURE_IDENTITY_DISABLE_MULTITENANTAUTH", value));
        assertThatThrownBy(() -> c.getToken(OTHER_TENANT)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("ClientSecretCredential: a token for tenant 'fabrikam.com' was requested")
                .hasMessageContaining("AZURE_IDENTITY_DISABLE_MULTITENANTAUTH").hasMessageContaining("'contoso.com'");
        assertThat(transport.calls()).isZero();
    }

    @Test
    void getToken_ownTenantWhileDisabled_works() {
        transport.thenJson(200, ScriptedTransport.tokenJson("eyJ0eXAiOiJKV1QifQ.e30.b3du", 3600));
        ClientSecretCredential c = secret(Map.of("AZURE_IDENTITY_DISABLE_MULTITENANTAUTH", "true"));
        assertThat(c.getToken(TokenRequestContext.builder().scopes(ARM).tenantId("CONTOSO.com").build()).token())
                .isNotBlank();
        assertThat(transport.requests().get(0).uri().getPath()).startsWith("/contoso.com/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "0", ""})
    void getToken_otherTenantWhenNotDisabled_followsTheAllowList(String value) {
        transport.thenJson(200, ScriptedTransport.tokenJson("eyJ0eXAiOiJKV1QifQ.e30.b3RoZXI", 3600));
        ClientSecretCredential c = secret(Map.of("AZURE_IDENTITY_DISABLE_MULTITENANTAUTH", value));
        assertThat(c.getToken(OTHER_TENANT).token()).isNotBlank();
        assertThat(transport.requests().get(0).uri().getPath()).startsWith("/fabrikam.com/");
    }

    @Test
    void azureCli_otherTenantWhileDisabled_refusedWithoutRunningTheTool() throws Exception {
        RecordingRunner.placeholders(bin, "az");
        RecordingRunner runner = new RecordingRunner();
        AzureCliCredential c = AzureCliCredential.builder().tenantId("contoso.com").options(CredentialOptions.builder()
                .environment(Environment.of(Map.of("PATH", bin.toString(), "AZURE_IDENTITY_DISABLE_MULTITENANTAUTH", "1")))
                .additionallyAllowedTenants("*").executor(Runnable::run).clock(clock).build())
                .processRunner(runner).osName("Linux").localZone(ZoneOffset.UTC).build();
        assertThatThrownBy(() -> c.getToken(OTHER_TENANT)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("AZURE_IDENTITY_DISABLE_MULTITENANTAUTH");
        assertThat(runner.runs()).isEmpty();
    }
}
