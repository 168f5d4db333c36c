package dev.azid.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.ProxyOptions;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.core.util.ConfigurationSource;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.emulator.RecordedRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's azure-identity, unmodified: default authority ({@code login.microsoftonline.com}),
 * instance discovery on, its normal code. Only the two settings every client needs in transparent
 * mode differ: the proxy (azure-core's {@code ProxyOptions}, or {@code HTTPS_PROXY} read through its
 * {@code Configuration}) and trust of the emulator's CA.
 */
@AzidEmulator
class TransparentModeConformanceTest {

    private static final String TID = EmulatorConfig.DEFAULT_TENANT_ID;
    private static final String ARM = "https://management.azure.com/.default";

    /**
     * msal4j keeps instance discovery metadata per JVM, so only the class's first token request asks for it: once,
     * successfully (no retries, hence none of msal4j's waits between them), on the real host.
     */
    @AfterAll
    static void instanceDiscoveryWasAskedOnceOnTheRealHost(EntraEmulator emulator) {
        assertThat(emulator.requestLog().matching("/common/discovery/instance")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("host")).contains("login.microsoftonline.com");
            assertThat(r.query().get("authorization_endpoint"))
                    .isEqualTo("https://login.microsoftonline.com/" + TID + "/oauth2/v2.0/authorize");
        });
    }

    private static ClientSecretCredential credential(HttpClient http) {
        return new ClientSecretCredentialBuilder().tenantId(TID).clientId(EmulatorConfig.DEFAULT_CLIENT_ID)
                .clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET).httpClient(http).build();
    }

    private static java.net.http.HttpClient.Builder trustingEmulatorCa(EntraEmulator emulator) {
        return java.net.http.HttpClient.newBuilder().sslContext(emulator.sslContext());
    }

    @Test
    void officialClientSecretCredential_defaultAuthorityViaProxyOptions_getsTokenFromTheRealHost(EntraEmulator emulator)
            throws Exception {
        URI proxy = emulator.endpoints().proxyUrl();
        HttpClient http = new JdkHttpClientBuilder(trustingEmulatorCa(emulator))
                .proxy(new ProxyOptions(ProxyOptions.Type.HTTP, new InetSocketAddress(proxy.getHost(), proxy.getPort())))
                .build();

        int before = emulator.requestLog().all().size();
        AccessToken token = credential(http).getTokenSync(new TokenRequestContext().addScopes(ARM));
        List<RecordedRequest> log = emulator.requestLog().all().subList(before, emulator.requestLog().all().size());

        Map<String, Object> claims = JwksVerifier.forTenant(emulator.authorityHost(), TID, emulator.sslContext())
                .verify(token.getToken());
        assertThat(claims).containsEntry("aud", "https://management.azure.com/")
                .containsEntry("iss", "https://sts.windows.net/" + TID + "/")
                .containsEntry("tid", TID)
                .containsEntry("appid", EmulatorConfig.DEFAULT_CLIENT_ID);
        assertServedAsLoginMicrosoftOnlineCom(log);
    }

    @Test
    void officialClientSecretCredential_httpsProxyConfiguration_getsV2TokenNamingTheRealIssuer(EntraEmulator emulator)
            throws Exception {
        // HTTPS_PROXY as azure-core reads it from the environment, given here through configuration sources instead of
        // the process's own: azure-core consults HTTPS_PROXY only when java.net.useSystemProxies is true.
        ConfigurationSource environment = prefix -> Map.of(Configuration.PROPERTY_HTTPS_PROXY,
                emulator.endpoints().proxyUrl().toString());
        ConfigurationSource systemProperties = prefix -> Map.of("java.net.useSystemProxies", "true");
        Configuration configuration = new ConfigurationBuilder(prefix -> Map.of(), systemProperties, environment).build();
        HttpClient http = new JdkHttpClientBuilder(trustingEmulatorCa(emulator)).configuration(configuration).build();

        int before = emulator.requestLog().all().size();
        AccessToken token = credential(http).getTokenSync(new TokenRequestContext().addScopes("api://azid-demo-api/.default"));
        List<RecordedRequest> log = emulator.requestLog().all().subList(before, emulator.requestLog().all().size());

        Map<String, Object> claims = JwksVerifier.forTenant(emulator.authorityHost(), TID, emulator.sslContext())
                .verify(token.getToken());
        assertThat(claims).containsEntry("iss", "https://login.microsoftonline.com/" + TID + "/v2.0")
                .containsEntry("tid", TID)
                .containsEntry("azp", EmulatorConfig.DEFAULT_CLIENT_ID)
                .containsEntry("ver", "2.0");
        assertServedAsLoginMicrosoftOnlineCom(log);
    }

    /** Every request of one test went through the proxy to login.microsoftonline.com; none was refused. */
    private static void assertServedAsLoginMicrosoftOnlineCom(List<RecordedRequest> log) {
        assertThat(log).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("CONNECT");
            assertThat(r.path()).isEqualTo("login.microsoftonline.com:443");
            assertThat(r.status()).isEqualTo(200);
        }).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(log).filteredOn(r -> !r.method().equals("CONNECT"))
                .allSatisfy(r -> assertThat(r.header("host")).contains("login.microsoftonline.com"));
        assertThat(log).filteredOn(r -> r.path().equals("/" + TID + "/oauth2/v2.0/token")).singleElement().satisfies(r -> {
            assertThat(r.header("x-client-sku")).contains("MSAL.Java");
            assertThat(r.form()).containsEntry("client_secret", RecordedRequest.MASK);
        });
    }
}
