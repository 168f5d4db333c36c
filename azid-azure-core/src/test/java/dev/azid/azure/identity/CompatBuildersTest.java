package dev.azid.azure.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.ProxyOptions;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Header;
import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.test.LogCapture;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The compatibility builders' azure-core HTTP settings and failure types, against the emulator. */
@AzidEmulator
class CompatBuildersTest {

    private static final TokenRequestContext ARM = new TokenRequestContext().addScopes("https://management.azure.com/.default");

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    static HttpClient client(EntraEmulator e) {
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(e.sslContext())).build();
    }

    static ClientSecretCredentialBuilder secret(EntraEmulator e, String secret) {
        return new ClientSecretCredentialBuilder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).clientSecret(secret).authorityHost(e.authorityHost().toString());
    }

    @Test
    void httpClient_withPoliciesAndClientOptions_sendsTheirHeadersAndApplicationId(EntraEmulator e) {
        e.requestLog().clear();
        AtomicInteger policyCalls = new AtomicInteger();
        AccessToken token = secret(e, EmulatorConfig.DEFAULT_CLIENT_SECRET).httpClient(client(e))
                .addPolicy((context, next) -> {
                    policyCalls.incrementAndGet();
                    return next.process();
                })
                .addPolicy(new AddHeadersPolicy(new com.azure.core.http.HttpHeaders().set(HttpHeaderName.fromString("x-policy"), "p")))
                .clientOptions(new ClientOptions().setApplicationId("my-app").setHeaders(List.of(new Header("x-extra", "v"))))
                .build().getTokenSync(ARM);
        assertThat(token.getToken()).startsWith("eyJ");
        assertThat(policyCalls).hasValue(1);
        assertThat(e.requestLog().last().header("x-policy")).contains("p");
        assertThat(e.requestLog().last().header("x-extra")).contains("v");
        assertThat(e.requestLog().last().header("User-Agent")).hasValueSatisfying(ua -> assertThat(ua).startsWith("my-app "));
    }

    @Test
    void httpPipeline_isUsedAsGiven(EntraEmulator e) {
        AtomicInteger calls = new AtomicInteger();
        ClientSecretCredential c = secret(e, EmulatorConfig.DEFAULT_CLIENT_SECRET).httpPipeline(new HttpPipelineBuilder()
                .httpClient(client(e)).policies((context, next) -> {
                    calls.incrementAndGet();
                    return next.process();
                }).build()).build();
        assertThat(c.getToken(ARM).block().getToken()).startsWith("eyJ");
        assertThat(calls).hasValue(1);
    }

    @Test
    void httpLogOptions_headers_logsRequestsWithoutSecrets_bodyLevelsAreRefused(EntraEmulator e) {
        AccessToken token = secret(e, EmulatorConfig.DEFAULT_CLIENT_SECRET).httpClient(client(e))
                .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.HEADERS)).build().getTokenSync(ARM);
        assertThat(logs.all()).contains("/oauth2/v2.0/token");
        logs.assertNoSecrets(EmulatorConfig.DEFAULT_CLIENT_SECRET, token.getToken());
        for (HttpLogDetailLevel level : List.of(HttpLogDetailLevel.BODY, HttpLogDetailLevel.BODY_AND_HEADERS)) {
            assertThatThrownBy(() -> new ClientSecretCredentialBuilder().httpLogOptions(new HttpLogOptions().setLogLevel(level)))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageStartingWith("ClientSecretCredentialBuilder.httpLogOptions(" + level + "):");
        }
    }

    @Test
    void conflictingHttpSettings_failAtBuild_namingBoth(EntraEmulator e) {
        assertThatThrownBy(() -> secret(e, "s").httpClient(client(e)).httpPipeline(new HttpPipelineBuilder()
                .httpClient(client(e)).build()).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ClientSecretCredentialBuilder: httpPipeline(...) is set together with httpClient");
        assertThatThrownBy(() -> secret(e, "s").httpClient(client(e)).proxyOptions(new ProxyOptions(ProxyOptions.Type.HTTP,
                new InetSocketAddress("127.0.0.1", 3128))).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both httpClient(...) and proxyOptions(...)");
    }

    @Test
    void executorService_runsTheReactivePath(EntraEmulator e) {
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            ExecutorService counting = new java.util.concurrent.AbstractExecutorService() {
                public void execute(Runnable r) {
                    tasks.incrementAndGet();
                    pool.execute(r);
                }
                public void shutdown() { }
                public List<Runnable> shutdownNow() { return List.of(); }
                public boolean isShutdown() { return false; }
                public boolean isTerminated() { return false; }
                public boolean awaitTermination(long t, java.util.concurrent.TimeUnit u) { return true; }
            };
            ClientSecretCredential c = secret(e, EmulatorConfig.DEFAULT_CLIENT_SECRET).httpClient(client(e))
                    .executorService(counting).build();
            assertThat(c.getToken(ARM).block().getToken()).startsWith("eyJ");
            assertThat(tasks.get()).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failures_haveAzureIdentitysTypes_andNoSecrets(EntraEmulator e) {
        ClientSecretCredential wrong = secret(e, "wrong-secret-value").httpClient(client(e)).build();
        assertThatThrownBy(() -> wrong.getTokenSync(ARM)).isExactlyInstanceOf(ClientAuthenticationException.class)
                .hasMessageContaining("AADSTS7000215").hasMessageNotContaining("wrong-secret-value");
        assertThat(wrong.toString()).doesNotContain("wrong-secret-value").startsWith("ClientSecretCredential[");
        EnvironmentCredential unconfigured = new EnvironmentCredentialBuilder()
                .configuration(new dev.azid.azure.identity.migration.TestConfigurations().empty()).build();
        assertThatThrownBy(() -> unconfigured.getTokenSync(ARM)).isInstanceOf(CredentialUnavailableException.class)
                .hasMessageStartingWith("EnvironmentCredential: ").hasCauseInstanceOf(dev.azid.CredentialUnavailableException.class);
        assertThatThrownBy(() -> unconfigured.getToken(ARM).block()).isInstanceOf(CredentialUnavailableException.class);
        logs.assertNoSecrets("wrong-secret-value");
    }

    @Test
    void deviceCode_automaticAuthenticationDisabled_requiresAuthenticationWithTheRequest(EntraEmulator e) {
        DeviceCodeCredential c = new DeviceCodeCredentialBuilder().tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID).authorityHost(e.authorityHost().toString()).httpClient(client(e))
                .disableAutomaticAuthentication().build();
        assertThatThrownBy(() -> c.getTokenSync(ARM)).isInstanceOfSatisfying(AuthenticationRequiredException.class,
                ex -> assertThat(ex.getTokenRequestContext().getScopes()).containsExactly("https://management.azure.com/.default"));
        assertThat(c.authenticate().onErrorResume(CredentialUnavailableException.class, ex -> reactor.core.publisher.Mono.empty())
                .blockOptional()).as("the emulator's authority has no default scope").isEmpty();
    }

    @Test
    void chain_foreignMembers_unavailableMovesOn_failureStops(EntraEmulator e) {
        ClientSecretCredential good = secret(e, EmulatorConfig.DEFAULT_CLIENT_SECRET).httpClient(client(e)).build();
        com.azure.core.credential.TokenCredential unavailable = r -> reactor.core.publisher.Mono.error(
                new CredentialUnavailableException("Mine: not here. Do Y."));
        com.azure.core.credential.TokenCredential refused = r -> reactor.core.publisher.Mono.error(
                new ClientAuthenticationException("Mine: refused.", null));
        assertThat(new ChainedTokenCredentialBuilder().addLast(unavailable).addLast(good).build().getTokenSync(ARM).getToken())
                .startsWith("eyJ");
        assertThatThrownBy(() -> new ChainedTokenCredentialBuilder().addLast(refused).addLast(good).build().getTokenSync(ARM))
                .isInstanceOf(ClientAuthenticationException.class).isNotInstanceOf(CredentialUnavailableException.class)
                .hasMessageContaining("Mine: refused.");
        assertThat(AuthenticationUtil.getBearerTokenSupplier(unavailable, "s")).isNotNull();
        assertThatThrownBy(() -> AuthenticationUtil.getBearerTokenSupplier(unavailable, "https://x/.default").get())
                .isInstanceOf(CredentialUnavailableException.class).hasMessage("Mine: not here. Do Y.");
    }

    @Test
    void requireEnvVars_missing_failsAtBuild_namingThem() {
        DefaultAzureCredentialBuilder b = new DefaultAzureCredentialBuilder()
                .configuration(new dev.azid.azure.identity.migration.TestConfigurations().of("AZURE_TENANT_ID", "t"))
                .requireEnvVars(AzureIdentityEnvVars.AZURE_TENANT_ID, AzureIdentityEnvVars.AZURE_CLIENT_ID,
                        AzureIdentityEnvVars.AZURE_CLIENT_SECRET);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("DefaultAzureCredential: required environment variables are missing: AZURE_CLIENT_ID, "
                        + "AZURE_CLIENT_SECRET. Set them before creating the DefaultAzureCredential.");
    }
}
