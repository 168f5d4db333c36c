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
        return EnvironmentCredential.builder().environment(Environment.of(vars)).httpTransport(transport)
                .executor(Runnable::run).build();
    }

    static Stream<Arguments> incompleteSets() {
        return Stream.of(
                Arguments.of(Map.of(), "no service principal is configured", "AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET"),
                Arguments.of(Map.of("AZURE_TENANT_ID", TENANT), "AZURE_TENANT_ID is set", "AZURE_CLIENT_ID, AZURE_CLIENT_SECRET are missing"),
                Arguments.of(Map.of("AZURE_CLIENT_ID", CLIENT), "AZURE_CLIENT_ID is set", "AZURE_TENANT_ID, AZURE_CLIENT_SECRET are missing"),
                Arguments.of(Map.of("AZURE_CLIENT_SECRET", SECRET), "AZURE_CLIENT_SECRET is set", "AZURE_TENANT_ID, AZURE_CLIENT_ID are missing"),
                Arguments.of(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT), "AZURE_TENANT_ID, AZURE_CLIENT_ID are set",
                        "AZURE_CLIENT_SECRET is missing"),
                Arguments.of(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_SECRET", SECRET),
                        "AZURE_TENANT_ID, AZURE_CLIENT_SECRET are set", "AZURE_CLIENT_ID is missing"),
                Arguments.of(Map.of("AZURE_CLIENT_ID", CLIENT, "AZURE_CLIENT_SECRET", SECRET),
                        "AZURE_CLIENT_ID, AZURE_CLIENT_SECRET are set", "AZURE_TENANT_ID is missing"),
                Arguments.of(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT, "AZURE_CLIENT_CERTIFICATE_PATH", "/c.pem"),
                        "AZURE_CLIENT_CERTIFICATE_PATH are set", "not supported yet"),
                Arguments.of(Map.of("AZURE_CLIENT_ID", CLIENT, "AZURE_USERNAME", "u@x.com", "AZURE_PASSWORD", "pw-value-123"),
                        "AZURE_USERNAME and AZURE_PASSWORD are set", "not supported yet"));
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
    void build_readsNothingButTheEnvironment_andToStringHidesSecret() {
        EnvironmentCredential c = EnvironmentCredential.builder().environment(Environment.of(Map.of(
                "AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT, "AZURE_CLIENT_SECRET", SECRET)))
                .httpTransport(ScriptedTransport.failing()).build();
        assertThat(c.toString()).contains(CLIENT).doesNotContain(SECRET);
        logs.assertNoSecrets(SECRET);
    }
}
