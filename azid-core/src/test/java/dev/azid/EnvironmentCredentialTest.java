package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.LogCapture;
import dev.azid.test.ScriptedTransport;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnvironmentCredentialTest {

    static final String TENANT = ClientSecretCredentialTest.TENANT;
    static final String CLIENT = ClientSecretCredentialTest.CLIENT;
    static final String SECRET = ClientSecretCredentialTest.SECRET;
    static final String ARM = ClientSecretCredentialTest.ARM;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final ScriptedTransport transport = new ScriptedTransport();

    private EnvironmentCredential credential(Map<String, String> vars) {
        return EnvironmentCredential.builder().options(CredentialOptions.builder().environment(Environment.of(vars)).httpTransport(transport).executor(Runnable::run).build()).build();
    }

    static Stream<Arguments> incompleteSets() {
        return Stream.of(
                Arguments.of(Map.of(), "no service principal or user is configured", "AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET"),
                Arguments.of(Map.of("AZURE_TENANT_ID", TENANT), "AZURE_TENANT_ID is set", "none of AZURE_CLIENT_SECRET"),
                Arguments.of(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT), "AZURE_TENANT_ID, AZURE_CLIENT_ID are set",
                        "none of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH, or AZURE_USERNAME and AZURE_PASSWORD"),
                Arguments.of(Map.of("AZURE_CLIENT_SECRET", SECRET), "incomplete client secret: AZURE_CLIENT_SECRET is set",
                        "AZURE_TENANT_ID, AZURE_CLIENT_ID are missing"),
                Arguments.of(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_SECRET", SECRET),
                        "AZURE_TENANT_ID, AZURE_CLIENT_SECRET are set", "AZURE_CLIENT_ID is missing"),
                Arguments.of(Map.of("AZURE_CLIENT_ID", CLIENT, "AZURE_CLIENT_SECRET", SECRET),
                        "AZURE_CLIENT_ID, AZURE_CLIENT_SECRET are set", "AZURE_TENANT_ID is missing"),
                Arguments.of(Map.of("AZURE_CLIENT_ID", CLIENT, "AZURE_CLIENT_CERTIFICATE_PATH", "/c.pem",
                        "AZURE_CLIENT_CERTIFICATE_PASSWORD", "cert-pw-value"), "incomplete client certificate: AZURE_CLIENT_ID, "
                        + "AZURE_CLIENT_CERTIFICATE_PATH are set", "AZURE_TENANT_ID is missing"),
                Arguments.of(Map.of("AZURE_USERNAME", "u@x.com", "AZURE_PASSWORD", "pw-value-123"),
                        "incomplete user name and password: AZURE_USERNAME, AZURE_PASSWORD are set", "AZURE_CLIENT_ID is missing"),
                Arguments.of(Map.of("AZURE_CLIENT_ID", CLIENT, "AZURE_PASSWORD", "pw-value-123"),
                        "AZURE_CLIENT_ID, AZURE_PASSWORD are set", "AZURE_USERNAME is missing"));
    }

    @ParameterizedTest
    @MethodSource("incompleteSets")
    void getToken_incompleteVariables_isUnavailableNamingPresentAndMissing(Map<String, String> vars, String present,
            String missing) {
        EnvironmentCredential c = credential(vars);
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(CredentialUnavailableException.class)
                .hasMessageStartingWith("EnvironmentCredential: ")
                .hasMessageContaining(present).hasMessageContaining(missing)
                .satisfies(e -> {
                    for (String value : vars.values()) {
                        if (!value.equals(TENANT) && !value.equals(CLIENT)) {
                            assertThat(e.getMessage()).doesNotContain(value);
                        }
                    }
                });
        assertThat(c.getTokenAsync(TokenRequestContext.of(ARM))).isCompletedExceptionally();
        assertThat(transport.calls()).isZero();
    }

    @Test
    void getToken_completeSecretSet_authenticatesAtAuthorityHost() {
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        Map<String, String> vars = new HashMap<>(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT,
                "AZURE_CLIENT_SECRET", SECRET, "AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us/",
                "AZURE_CLIENT_CERTIFICATE_PATH", "/ignored.pem"));
        assertThat(credential(vars).getToken(TokenRequestContext.of(ARM)).token()).isEqualTo("tok");
        assertThat(transport.requests().get(0).uri().toString())
                .isEqualTo("https://login.microsoftonline.us/" + TENANT + "/oauth2/v2.0/token");
        assertThat(ClientSecretCredentialTest.form(transport.lastBody())).containsEntry("client_secret", SECRET);
    }

    @Test
    void getToken_additionallyAllowedTenantsVariable_allowsThoseTenants() {
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        EnvironmentCredential c = credential(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT,
                "AZURE_CLIENT_SECRET", SECRET, "AZURE_ADDITIONALLY_ALLOWED_TENANTS", " fabrikam.com ; contoso.com"));
        c.getToken(TokenRequestContext.of(ARM).withTenantId("contoso.com"));
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM).withTenantId("other.com")))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void getToken_nonHttpsAuthorityHost_failsNamingTheVariable() {
        EnvironmentCredential c = credential(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT,
                "AZURE_CLIENT_SECRET", SECRET, "AZURE_AUTHORITY_HOST", "http://login.example.com"));
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("EnvironmentCredential: AZURE_AUTHORITY_HOST must use https")
                .hasMessageNotContaining(SECRET);
        assertThat(transport.calls()).isZero();
    }

    @Test
    void getToken_invalidTenantVariable_failsNamingTheVariable() {
        EnvironmentCredential c = credential(Map.of("AZURE_TENANT_ID", "bad tenant!", "AZURE_CLIENT_ID", CLIENT,
                "AZURE_CLIENT_SECRET", SECRET));
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM)))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("EnvironmentCredential: AZURE_TENANT_ID is not a valid tenant id");
    }

    @Test
    void getToken_certificateSet_readsTheFileAtFirstUseAndSendsAssertion(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        dev.azid.test.TestCertificates certs = dev.azid.test.TestCertificates.valid();
        java.nio.file.Path pfx = java.nio.file.Files.write(dir.resolve("sp.pfx"), certs.pfx("cert-pw-value"));
        EnvironmentCredential c = credential(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT,
                "AZURE_CLIENT_CERTIFICATE_PATH", pfx.toString(), "AZURE_CLIENT_CERTIFICATE_PASSWORD", "cert-pw-value",
                "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN", "1"));
        assertThat(c.configuration()).isEqualTo("client certificate");
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        c.getToken(TokenRequestContext.of(ARM));
        String assertion = ClientSecretCredentialTest.form(transport.lastBody()).get("client_assertion");
        String header = new String(java.util.Base64.getUrlDecoder().decode(assertion.split("\\.")[0]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(header).contains("\"x5c\"");
        logs.assertNoSecrets("cert-pw-value", assertion);
    }

    @Test
    void getToken_certificateSetWithMissingFile_failsNamingThePath() {
        EnvironmentCredential c = credential(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT,
                "AZURE_CLIENT_CERTIFICATE_PATH", "/nonexistent/sp.pem"));
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("EnvironmentCredential: the certificate /nonexistent/sp.pem does not exist");
    }

    @Test
    void getToken_usernamePasswordSet_usesPasswordGrantAndWarns() {
        EnvironmentCredential c = credential(Map.of("AZURE_CLIENT_ID", CLIENT, "AZURE_USERNAME", "alice@contoso.com",
                "AZURE_PASSWORD", "pw-value-123"));
        assertThat(c.configuration()).isEqualTo("username and password");
        assertThat(logs.all()).contains("WARN").contains("deprecated");
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        c.getToken(TokenRequestContext.of("https://graph.microsoft.com/User.Read"));
        assertThat(transport.requests().get(0).uri().getPath()).isEqualTo("/organizations/oauth2/v2.0/token");
        assertThat(ClientSecretCredentialTest.form(transport.lastBody())).containsEntry("grant_type", "password")
                .containsEntry("username", "alice@contoso.com").containsEntry("password", "pw-value-123")
                .containsEntry("scope", "https://graph.microsoft.com/User.Read openid profile offline_access")
                .containsEntry("client_info", "1");
        logs.assertNoSecrets("pw-value-123");
        assertThat(c.toString()).doesNotContain("pw-value-123");
    }

    @Test
    void getToken_regionalAuthority_postsToRegionalHost() {
        transport.thenJson(200, ScriptedTransport.tokenJson("tok", 3599));
        credential(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT, "AZURE_CLIENT_SECRET", SECRET,
                "AZURE_REGIONAL_AUTHORITY_NAME", "WestUS2")).getToken(TokenRequestContext.of(ARM));
        assertThat(transport.requests().get(0).uri().toString())
                .isEqualTo("https://westus2.login.microsoft.com/" + TENANT + "/oauth2/v2.0/token");
    }

    @Test
    void getToken_badRegion_failsNamingTheVariable() {
        EnvironmentCredential c = credential(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT,
                "AZURE_CLIENT_SECRET", SECRET, "AZURE_REGIONAL_AUTHORITY_NAME", "west us/2"));
        assertThatThrownBy(() -> c.getToken(TokenRequestContext.of(ARM))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("EnvironmentCredential: AZURE_REGIONAL_AUTHORITY_NAME");
    }

    @Test
    void build_readsNothingButTheEnvironment_andToStringHidesSecret() {
        EnvironmentCredential c = EnvironmentCredential.builder().options(CredentialOptions.builder().environment(Environment.of(Map.of(
                "AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT, "AZURE_CLIENT_SECRET", SECRET))).httpTransport(ScriptedTransport.failing()).build()).build();
        assertThat(c.toString()).contains(CLIENT).doesNotContain(SECRET);
        logs.assertNoSecrets(SECRET);
    }
}
