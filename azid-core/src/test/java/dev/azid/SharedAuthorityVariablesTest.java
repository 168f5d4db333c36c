package dev.azid;

import dev.azid.test.RedirectingBrowser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.http.HttpRequest;
import dev.azid.test.SignInEndpoints;
import dev.azid.test.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code AZURE_AUTHORITY_HOST} and {@code AZURE_REGIONAL_AUTHORITY_NAME} are the defaults of every
 * Entra ID credential (one of each kind), as in azure-identity, and a host set on the options wins.
 */
class SharedAuthorityVariablesTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final String T = ClientSecretCredentialTest.TENANT;
    private static final String C = ClientSecretCredentialTest.CLIENT;
    private static final String SECRET = ClientSecretCredentialTest.SECRET;
    private static final String US_GOV = "https://login.microsoftonline.us";

    @TempDir
    Path dir;

    private final List<HttpRequest> requests = new CopyOnWriteArrayList<>();

    /**
     * One Entra credential kind.
     *
     * @param name the credential
     * @param clientCredentials whether it uses the client-credentials grant (and so a regional endpoint)
     * @param factory builds it over the given options (environment already set)
     */
    record Case(String name, boolean clientCredentials, Factory factory) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Factory {
        TokenCredential build(CredentialOptions options, Path dir) throws Exception;
    }

    static Stream<Case> credentials() {
        return Stream.of(
                new Case("ClientSecretCredential", true, (o, d) -> ClientSecretCredential.builder().tenantId(T).clientId(C)
                        .clientSecret(SECRET).options(o).build()),
                new Case("ClientCertificateCredential", true, (o, d) -> {
                    TestCertificates certs = TestCertificates.valid();
                    Path pem = Files.writeString(d.resolve("client.pem"), certs.pkcs8Pem() + certs.certificatePem());
                    return ClientCertificateCredential.builder().tenantId(T).clientId(C).pemCertificate(pem).options(o).build();
                }),
                new Case("ClientAssertionCredential", true, (o, d) -> ClientAssertionCredential.builder().tenantId(T)
                        .clientId(C).clientAssertion(() -> "client.assertion.jwt").options(o).build()),
                new Case("WorkloadIdentityCredential", true, (o, d) -> WorkloadIdentityCredential.builder().tenantId(T)
                        .clientId(C).tokenFilePath(Files.writeString(d.resolve("sa-token"), "service-account-jwt"))
                        .options(o).build()),
                new Case("GitHubActionsCredential", true, (o, d) -> GitHubActionsCredential.builder().tenantId(T).clientId(C)
                        .options(o).build()),
                new Case("AzurePipelinesCredential", true, (o, d) -> AzurePipelinesCredential.builder().tenantId(T)
                        .clientId(C).serviceConnectionId("sc-1").systemAccessToken("system-access-token-value")
                        .oidcRequestUri("https://dev.azure.com/org/proj/_apis/distributedtask/hubs/build/plans/p/jobs/j/oidctoken")
                        .options(o).build()),
                new Case("OnBehalfOfCredential", false, (o, d) -> OnBehalfOfCredential.builder().tenantId(T).clientId(C)
                        .clientSecret(SECRET).userAssertion("incoming.user.jwt").options(o).build()),
                new Case("UsernamePasswordCredential", false, (o, d) -> UsernamePasswordCredential.builder().tenantId(T)
                        .clientId(C).username("user@contoso.com").password("pa55word").options(o).build()),
                new Case("DeviceCodeCredential", false, (o, d) -> DeviceCodeCredential.builder().tenantId(T).clientId(C)
                        .challengeConsumer(info -> { }).options(o).build()),
                new Case("InteractiveBrowserCredential", false, (o, d) -> InteractiveBrowserCredential.builder().tenantId(T)
                        .clientId(C).browser(RedirectingBrowser.instance()).timeout(Duration.ofSeconds(20)).options(o).build()),
                new Case("AuthorizationCodeCredential", false, (o, d) -> AuthorizationCodeCredential.builder().tenantId(T)
                        .clientId(C).authorizationCode("auth-code").redirectUrl("http://localhost:8400").options(o).build()),
                new Case("EnvironmentCredential", true, (o, d) -> EnvironmentCredential.builder().options(o).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void getToken_authorityHostVariable_isTheDefaultOfEveryCredential(Case c) throws Exception {
        c.factory().build(options(Map.of("AZURE_AUTHORITY_HOST", US_GOV), null), dir).getToken(TokenRequestContext.of(ARM));

        assertEveryEntraRequestGoesTo("login.microsoftonline.us");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void getToken_authorityHostOnTheOptions_winsOverTheVariable(Case c) throws Exception {
        c.factory().build(options(Map.of("AZURE_AUTHORITY_HOST", "https://login.chinacloudapi.cn"), US_GOV), dir)
                .getToken(TokenRequestContext.of(ARM));

        assertEveryEntraRequestGoesTo("login.microsoftonline.us");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void getToken_regionalAuthorityVariable_appliesToEveryClientCredentialsGrant(Case c) throws Exception {
        c.factory().build(options(Map.of("AZURE_REGIONAL_AUTHORITY_NAME", "WestUS2"), null), dir)
                .getToken(TokenRequestContext.of(ARM));

        String token = entraRequests().get(entraRequests().size() - 1).uri().getHost();
        assertThat(token).as("Entra's regional service serves only the client-credentials grant")
                .isEqualTo(c.clientCredentials() ? "westus2.login.microsoft.com" : "login.microsoftonline.com");
    }

    /** The options of a case: the variables (plus what the environment-driven credentials need), this transport. */
    private CredentialOptions options(Map<String, String> variables, String authorityHost) {
        Map<String, String> env = new HashMap<>(variables);
        env.putAll(Map.of("ACTIONS_ID_TOKEN_REQUEST_URL", "https://pipelines.actions.githubusercontent.com/abc/idtoken",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh-request-token", "AZURE_TENANT_ID", T, "AZURE_CLIENT_ID", C,
                "AZURE_CLIENT_SECRET", SECRET));
        CredentialOptions.Builder b = CredentialOptions.builder().environment(Environment.of(env)).executor(Runnable::run)
                .httpTransport(request -> {
                    requests.add(request);
                    return SignInEndpoints.answer(request);
                });
        if (authorityHost != null) {
            b.authorityHost(authorityHost);
        }
        return b.build();
    }

    private void assertEveryEntraRequestGoesTo(String host) {
        assertThat(entraRequests()).isNotEmpty().allSatisfy(r -> assertThat(r.uri().getHost()).isEqualTo(host));
    }

    /** The requests sent to an Entra ID endpoint (token, device code), not to a CI's token service. */
    private List<HttpRequest> entraRequests() {
        return requests.stream().filter(r -> r.uri().getPath().contains("/oauth2/")).toList();
    }

}
