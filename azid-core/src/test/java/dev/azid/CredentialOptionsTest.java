package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.ScriptedTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialOptionsTest {

    private static final String TENANT = ClientSecretCredentialTest.TENANT;
    private static final String CLIENT = ClientSecretCredentialTest.CLIENT;
    private static final String SECRET = ClientSecretCredentialTest.SECRET;
    private static final String ARM = ClientSecretCredentialTest.ARM;

    @Test
    void build_authorityHostAndCloud_isRefusedNamingBoth() {
        assertThatThrownBy(() -> CredentialOptions.builder().authorityHost("https://login.microsoftonline.us")
                .cloud(AzureCloud.AZURE_CHINA_CLOUD).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CredentialOptions.authorityHost").hasMessageContaining("CredentialOptions.cloud");
    }

    @Test
    void setters_null_areRefusedNamingTheSetting() {
        assertThatThrownBy(() -> CredentialOptions.builder().httpTransport(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("CredentialOptions.httpTransport");
        assertThatThrownBy(() -> CredentialOptions.builder().additionallyAllowedTenants("a", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("CredentialOptions.additionallyAllowedTenants");
    }

    @Test
    void toBuilder_changes_leaveTheOriginalUnchanged() {
        ScriptedTransport first = new ScriptedTransport();
        CredentialOptions original = CredentialOptions.builder().httpTransport(first).additionallyAllowedTenants("a.com")
                .build();
        CredentialOptions changed = original.toBuilder().httpTransport(new ScriptedTransport())
                .additionallyAllowedTenants("b.com").authorityHost("https://login.microsoftonline.us").build();
        assertThat(original.httpTransport()).containsSame(first);
        assertThat(original.additionallyAllowedTenants()).containsExactly("a.com");
        assertThat(original.authorityHost()).isEmpty();
        assertThat(changed.additionallyAllowedTenants()).containsExactly("b.com");
        assertThat(changed.httpTransport().orElseThrow()).isNotSameAs(first);
    }

    @Test
    void additionallyAllowedTenants_laterChangesToTheCallersList_doNotReachTheOptions() {
        List<String> tenants = new ArrayList<>(List.of("a.com"));
        CredentialOptions options = CredentialOptions.builder().additionallyAllowedTenants(tenants).build();
        tenants.add("b.com");
        assertThat(options.additionallyAllowedTenants()).containsExactly("a.com");
        assertThatThrownBy(() -> options.additionallyAllowedTenants().add("c.com"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void defaults_setNothing() {
        CredentialOptions d = CredentialOptions.defaults();
        assertThat(d.authorityHost()).isEmpty();
        assertThat(d.cloud()).isEmpty();
        assertThat(d.httpTransport()).isEmpty();
        assertThat(d.executor()).isEmpty();
        assertThat(d.additionallyAllowedTenants()).isEmpty();
        assertThat(d.toString()).contains("authorityHost=null").contains("httpTransport=default");
    }

    private EnvironmentCredential environmentCredential(CredentialOptions.Builder options, Map<String, String> extra,
            ScriptedTransport transport) {
        Map<String, String> vars = new java.util.HashMap<>(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT,
                "AZURE_CLIENT_SECRET", SECRET));
        vars.putAll(extra);
        return EnvironmentCredential.builder().options(options.environment(Environment.of(vars)).httpTransport(transport)
                .executor(Runnable::run).build()).build();
    }

    @Test
    void authorityHost_explicitValue_winsOverTheVariable() {
        ScriptedTransport transport = new ScriptedTransport().thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        environmentCredential(CredentialOptions.builder().authorityHost("https://login.microsoftonline.us"),
                Map.of("AZURE_AUTHORITY_HOST", "http://not-used.example"), transport).getToken(TokenRequestContext.of(ARM));
        assertThat(transport.requests().get(0).uri().getHost()).isEqualTo("login.microsoftonline.us");
    }

    @Test
    void authorityHost_badExplicitValue_isRefusedNamingTheOptionsSetting() {
        ScriptedTransport transport = new ScriptedTransport();
        assertThatThrownBy(() -> environmentCredential(CredentialOptions.builder().authorityHost("http://login.example.com"),
                Map.of("AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us"), transport)
                .getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("EnvironmentCredential: CredentialOptions.authorityHost must use https")
                .hasMessageNotContaining("AZURE_AUTHORITY_HOST");
        assertThat(transport.calls()).isZero();
    }

    @Test
    void authorityHost_unsetOnOptions_theVariableApplies_andIsNamedWhenBad() {
        ScriptedTransport transport = new ScriptedTransport().thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        environmentCredential(CredentialOptions.builder(), Map.of("AZURE_AUTHORITY_HOST", "https://login.chinacloudapi.cn"),
                transport).getToken(TokenRequestContext.of(ARM));
        assertThat(transport.requests().get(0).uri().getHost()).isEqualTo("login.chinacloudapi.cn");
        assertThatThrownBy(() -> environmentCredential(CredentialOptions.builder(),
                Map.of("AZURE_AUTHORITY_HOST", "http://login.example.com"), transport).getToken(TokenRequestContext.of(ARM)))
                .hasMessageStartingWith("EnvironmentCredential: AZURE_AUTHORITY_HOST must use https");
    }

    @Test
    void authorityHost_neitherSet_isThePublicCloud() {
        ScriptedTransport transport = new ScriptedTransport().thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        environmentCredential(CredentialOptions.builder(), Map.of(), transport).getToken(TokenRequestContext.of(ARM));
        assertThat(transport.requests().get(0).uri().getHost()).isEqualTo("login.microsoftonline.com");
    }

    @Test
    void authorityHost_unsetOnOptions_theVariableAppliesToEveryCredential() {
        ScriptedTransport transport = new ScriptedTransport().thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        ClientSecretCredential.builder().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET)
                .options(CredentialOptions.builder().environment(Environment.of(Map.of("AZURE_AUTHORITY_HOST",
                        "https://login.chinacloudapi.cn"))).httpTransport(transport).executor(Runnable::run).build())
                .build().getToken(TokenRequestContext.of(ARM));
        assertThat(transport.requests().get(0).uri().getHost()).isEqualTo("login.chinacloudapi.cn");
    }

    @Test
    void defaultAzureCredential_handsTheSameOptionsToEveryMember() {
        ScriptedTransport transport = new ScriptedTransport()
                .thenJson(200, ScriptedTransport.tokenJson("env-token", 3599))
                .thenJson(200, "{\"access_token\":\"mi-token\",\"expires_on\":\"" + (java.time.Instant.now().getEpochSecond()
                        + 3600) + "\",\"resource\":\"https://management.azure.com\",\"token_type\":\"Bearer\"}");
        Environment env = Environment.of(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT,
                "AZURE_CLIENT_SECRET", SECRET, "IDENTITY_ENDPOINT", "http://127.0.0.1:41234/msi/token",
                "IDENTITY_HEADER", "header-value"));
        DefaultAzureCredential dac = DefaultAzureCredential.builder().options(CredentialOptions.builder().environment(env)
                .httpTransport(transport).executor(Runnable::run).build())
                .exclude(DefaultAzureCredential.Kind.WORKLOAD_IDENTITY).exclude(DefaultAzureCredential.Kind.AZURE_CLI)
                .exclude(DefaultAzureCredential.Kind.AZURE_POWERSHELL).exclude(DefaultAzureCredential.Kind.AZURE_DEVELOPER_CLI)
                .exclude(DefaultAzureCredential.Kind.INTELLIJ).exclude(DefaultAzureCredential.Kind.VISUAL_STUDIO_CODE)
                .build();
        assertThat(dac.kinds()).containsExactly(DefaultAzureCredential.Kind.ENVIRONMENT,
                DefaultAzureCredential.Kind.MANAGED_IDENTITY);
        assertThat(dac.credentials().get(0).getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("env-token");
        assertThat(dac.credentials().get(1).getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("mi-token");
        assertThat(transport.requests()).hasSize(2);
        assertThat(transport.requests().get(0).uri().getHost()).isEqualTo("login.microsoftonline.com");
        assertThat(transport.requests().get(1).uri().toString()).startsWith("http://127.0.0.1:41234/msi/token");
    }
}
