package dev.azid.azure.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.util.Configuration;
import dev.azid.azure.identity.migration.TestConfigurations;
import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.test.LogCapture;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility settings that once threw and are now mapped onto azid have their effect, against
 * the emulator; where azure-identity throws {@link IllegalStateException}, so does the compatibility layer.
 */
@AzidEmulator
class MappedSettingsTest {

    private static final TokenRequestContext ARM = new TokenRequestContext().addScopes("https://management.azure.com/.default");
    private static final TokenRequestContext GRAPH = new TokenRequestContext().addScopes("https://graph.microsoft.com/User.Read");

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private static ClientSecretCredentialBuilder secret(EntraEmulator e) {
        return CompatBuildersTest.secret(e, EmulatorConfig.DEFAULT_CLIENT_SECRET).httpClient(CompatBuildersTest.client(e));
    }

    private static Configuration config(Map<String, String> variables) {
        return new TestConfigurations().of(variables);
    }

    @Test
    void enableAccountIdentifierLogging_logsTheAccountNeverTheToken(EntraEmulator e) {
        AccessToken token = secret(e).enableAccountIdentifierLogging().build().getTokenSync(ARM);
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("INFO ")
                .contains("ClientSecretCredential: authenticated account: client id " + EmulatorConfig.DEFAULT_CLIENT_ID
                        + ", tenant id " + EmulatorConfig.DEFAULT_TENANT_ID));
        logs.assertNoSecrets(token.getToken(), EmulatorConfig.DEFAULT_CLIENT_SECRET);
    }

    @Test
    void accountIdentifierLogging_off_logsNoAccount(EntraEmulator e) {
        secret(e).build().getTokenSync(ARM);
        assertThat(logs.all()).doesNotContain("authenticated account");
    }

    @Test
    void enableUnsafeSupportLogging_logsTheExchangeAtDebug(EntraEmulator e) {
        secret(e).enableUnsafeSupportLogging().build().getTokenSync(ARM);
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("DEBUG ")
                .contains("dev.azid.UnsafeSupportLogging").contains("request POST").contains("client_secret="));
    }

    @Test
    void tokenCachePersistenceOptions_confidentialClient_secondCredentialIsServedFromTheFile(EntraEmulator e) {
        TokenCachePersistenceOptions cache = new TokenCachePersistenceOptions().setName("compat-shared")
                .setUnencryptedStorageAllowed(true);
        Configuration home = config(Map.of("HOME", dir.toString()));
        e.requestLog().clear();
        AccessToken first = secret(e).tokenCachePersistenceOptions(cache).configuration(home).build().getTokenSync(ARM);
        AccessToken second = secret(e).tokenCachePersistenceOptions(cache).configuration(home).build().getTokenSync(ARM);
        assertThat(second.getToken()).isEqualTo(first.getToken());
        assertThat(e.requestLog().count("/oauth2/v2.0/token")).as("one token request for both credentials").isEqualTo(1);
        assertThat(dir.resolve(".azid")).isDirectory();
        AccessToken other = CompatBuildersTest.secret(e, EmulatorConfig.DEFAULT_CLIENT_SECRET + "-other")
                .httpClient(CompatBuildersTest.client(e)).tokenCachePersistenceOptions(cache).configuration(home).build()
                .getToken(ARM).onErrorResume(ClientAuthenticationException.class, ex -> reactor.core.publisher.Mono.empty())
                .block();
        assertThat(other).as("another secret is not served the cached token").isNull();
    }

    @Test
    void enableAzureProxy_readsTheAksVariablesFromTheConfiguration(EntraEmulator e) throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("sa-token"), e.federatedToken(EmulatorConfig.DEFAULT_FEDERATED_SUBJECT));
        // No AZURE_AUTHORITY_HOST: the authority is the public cloud's, reached only through the proxy.
        Configuration aks = config(Map.of("AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID,
                "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID, "AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString(),
                "AZURE_KUBERNETES_TOKEN_PROXY", e.authorityHost().toString()));
        e.requestLog().clear();
        AccessToken token = new WorkloadIdentityCredentialBuilder().configuration(aks).httpClient(CompatBuildersTest.client(e))
                .enableAzureProxy().build().getTokenSync(ARM);
        assertThat(token.getToken()).startsWith("eyJ");
        assertThat(e.requestLog().last().path()).isEqualTo("/" + EmulatorConfig.DEFAULT_TENANT_ID + "/oauth2/v2.0/token");
        assertThat(e.requestLog().last().form()).containsEntry("client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    }

    @Test
    void browserCustomizationOptions_theBrowserShowsTheApplicationsPages(EntraEmulator e) {
        AtomicReference<String> page = new AtomicReference<>();
        InteractiveBrowserCredential ok = browser(e, "code=not-a-real-code", page).browserCustomizationOptions(
                new BrowserCustomizationOptions().setSuccessMessage("<p>Signed in to Contoso</p>")).build();
        assertThatThrownBy(() -> ok.getTokenSync(GRAPH)).as("the emulator refuses the made-up code")
                .isInstanceOf(ClientAuthenticationException.class);
        assertThat(page.get()).isEqualTo("<p>Signed in to Contoso</p>");
        InteractiveBrowserCredential refused = browser(e, "error=access_denied&error_description=no", page)
                .browserCustomizationOptions(new BrowserCustomizationOptions().setErrorMessage("<p>Failed: {0}</p>")).build();
        assertThatThrownBy(() -> refused.getTokenSync(GRAPH)).isInstanceOf(ClientAuthenticationException.class);
        assertThat(page.get()).isEqualTo("<p>Failed: access_denied</p>");
    }

    @Test
    void usernamePassword_authenticate_recordsTheAccount(EntraEmulator e) {
        UsernamePasswordCredential c = new UsernamePasswordCredentialBuilder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).username(EmulatorConfig.DEFAULT_USERNAME)
                .password(EmulatorConfig.DEFAULT_PASSWORD).authorityHost(e.authorityHost().toString())
                .httpClient(CompatBuildersTest.client(e)).build();
        AuthenticationRecord record = c.authenticate(GRAPH).block();
        assertThat(record.getUsername()).isEqualTo(EmulatorConfig.DEFAULT_USERNAME);
        assertThat(record.getTenantId()).isEqualTo(EmulatorConfig.DEFAULT_TENANT_ID);
        assertThat(record.getClientId()).isEqualTo(EmulatorConfig.DEFAULT_CLIENT_ID);
        assertThat(record.getHomeAccountId()).endsWith("." + EmulatorConfig.DEFAULT_TENANT_ID);
        assertThatThrownBy(() -> c.authenticate().block()).as("the emulator's host is of no known cloud")
                .isInstanceOf(CredentialUnavailableException.class);
        logs.assertNoSecrets(EmulatorConfig.DEFAULT_PASSWORD);
    }

    @Test
    void managedIdentityResourceId_reachesTheManagedIdentityRequest(EntraEmulator e) {
        EmulatorConfig.ManagedIdentity identity = e.config().tenants().get(0).managedIdentities().stream()
                .filter(m -> m.resourceId() != null).findFirst().orElseThrow();
        Configuration appService = config(Map.of("IDENTITY_ENDPOINT", e.endpoints().appServiceEndpoint().toString(),
                "IDENTITY_HEADER", e.endpoints().identityHeader(), "AZURE_TOKEN_CREDENTIALS", "ManagedIdentityCredential"));
        e.requestLog().clear();
        AccessToken token = new DefaultAzureCredentialBuilder().configuration(appService).httpClient(CompatBuildersTest.client(e))
                .managedIdentityResourceId(identity.resourceId()).build().getTokenSync(ARM);
        assertThat(token.getToken()).startsWith("eyJ");
        assertThat(e.requestLog().last().query()).containsEntry("mi_res_id", identity.resourceId());
    }

    @Test
    void bothManagedIdentityIds_throwIllegalStateException_asTheReferenceDoes() {
        assertThatThrownBy(() -> new com.azure.identity.DefaultAzureCredentialBuilder().managedIdentityClientId("c")
                .managedIdentityResourceId("/r").build()).as("reference").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DefaultAzureCredentialBuilder().configuration(config(Map.of()))
                .managedIdentityClientId("c").managedIdentityResourceId("/r").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("managedIdentityResourceId");
        assertThatThrownBy(() -> new com.azure.identity.ManagedIdentityCredentialBuilder().clientId("c").objectId("o")
                .build()).as("reference").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ManagedIdentityCredentialBuilder().configuration(config(Map.of())).clientId("c")
                .objectId("o").build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("objectId");
    }

    /** A browser credential whose "browser" answers the authorize URL with {@code answer}, keeping the page shown. */
    private static InteractiveBrowserCredentialBuilder browser(EntraEmulator e, String answer, AtomicReference<String> page) {
        Consumer<URI> browser = url -> {
            Map<String, String> q = Arrays.stream(url.getRawQuery().split("&")).map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
            URI back = URI.create(q.get("redirect_uri") + "?" + answer + "&state=" + q.get("state"));
            try {
                page.set(HttpClient.newHttpClient().send(HttpRequest.newBuilder(back).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
        };
        return new InteractiveBrowserCredentialBuilder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).authorityHost(e.authorityHost().toString())
                .httpClient(CompatBuildersTest.client(e)).configuration(config(Map.of())).browser(browser);
    }
}
