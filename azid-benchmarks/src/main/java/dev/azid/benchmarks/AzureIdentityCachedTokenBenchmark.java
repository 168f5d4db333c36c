package dev.azid.benchmarks;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import java.net.http.HttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The peer's cached path, for comparison with {@link AzidCachedTokenBenchmark}: com.azure:azure-identity's
 * {@code ClientSecretCredential} against the same emulator over HTTPS, through the JDK HTTP client
 * adapter trusting the emulator's CA, instance discovery disabled (the emulator is not a known Entra
 * host), the authority host given without its port (see {@link FixedPortHttpClient}); tokens fetched in
 * set-up, then every call served from its (MSAL) cache.
 */
public class AzureIdentityCachedTokenBenchmark extends InProcessBenchmark {

    private EntraEmulator emulator;
    private ClientSecretCredential credential;
    private TokenRequestContext request;

    /**
     * Starts the emulator, builds the credential and fetches a token through {@code getTokenSync} and
     * through {@code getToken}: the two paths do not share a cache (a first reactive call after a
     * synchronous one goes to the network), so each is warmed once.
     */
    @Setup(Level.Trial)
    public void setUp() {
        emulator = EntraEmulator.builder().start();
        credential = new ClientSecretCredentialBuilder()
                .tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID)
                .clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .authorityHost(FixedPortHttpClient.withoutPort(emulator.authorityHost().toString()))
                .disableInstanceDiscovery()
                .httpClient(new FixedPortHttpClient(
                        new JdkHttpClientBuilder(HttpClient.newBuilder().sslContext(emulator.sslContext())).build(),
                        emulator.authorityHost().getPort()))
                .build();
        request = new TokenRequestContext().addScopes("https://management.azure.com/.default");
        credential.getTokenSync(request);
        credential.getToken(request).block();
    }

    /**
     * Reports (on standard error) if the measured calls reached the network, then stops the emulator.
     *
     * @param params which benchmark ran
     */
    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
        CacheCheck.expectTokenRequests(emulator, params.getBenchmark(), 2);
        emulator.close();
    }

    /**
     * {@code getTokenSync}, one thread.
     *
     * @return the token
     */
    @Benchmark
    @Threads(1)
    public AccessToken getTokenSync() {
        return credential.getTokenSync(request);
    }

    /**
     * {@code getTokenSync}, two threads at once.
     *
     * @return the token
     */
    @Benchmark
    @Threads(2)
    public AccessToken getTokenSync_2threads() {
        return credential.getTokenSync(request);
    }

    /**
     * {@code getToken(...).block()}, one thread.
     *
     * @return the token
     */
    @Benchmark
    @Threads(1)
    public AccessToken getTokenBlock() {
        return credential.getToken(request).block();
    }

    /**
     * {@code getToken(...).block()}, two threads at once.
     *
     * @return the token
     */
    @Benchmark
    @Threads(2)
    public AccessToken getTokenBlock_2threads() {
        return credential.getToken(request).block();
    }
}
