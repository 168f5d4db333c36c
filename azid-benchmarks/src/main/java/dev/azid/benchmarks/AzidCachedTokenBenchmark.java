package dev.azid.benchmarks;

import dev.azid.CredentialOptions;
import dev.azid.AccessToken;
import dev.azid.ClientSecretCredential;
import dev.azid.TokenRequestContext;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * azid's cached {@code getToken}, against the emulator over HTTPS: {@code ClientSecretCredential} with
 * the default JDK transport trusting the emulator's CA, one token fetched in set-up, then every call a
 * cache hit. The side-by-side peer is {@link AzureIdentityCachedTokenBenchmark}; run both with
 * {@code -prof gc} for the allocation per call.
 */
public class AzidCachedTokenBenchmark extends InProcessBenchmark {

    private EntraEmulator emulator;
    private ClientSecretCredential credential;
    private TokenRequestContext request;

    /** Starts the emulator, builds the credential and fetches the one token every call then reuses. */
    @Setup(Level.Trial)
    public void setUp() {
        emulator = EntraEmulator.builder().start();
        credential = ClientSecretCredential.builder()
                .tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID)
                .clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString()).httpTransport(HttpTransport.builder().sslContext(emulator.sslContext()).build()).build())
                .build();
        request = TokenRequestContext.of("https://management.azure.com/.default");
        credential.getToken(request);
    }

    /**
     * Reports (on standard error) if the measured calls reached the network, then stops the emulator.
     *
     * @param params which benchmark ran
     */
    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
        CacheCheck.expectTokenRequests(emulator, params.getBenchmark(), 1);
        emulator.close();
    }

    /**
     * A cached token, one thread.
     *
     * @return the token
     */
    @Benchmark
    @Threads(1)
    public AccessToken getToken() {
        return credential.getToken(request);
    }

    /**
     * A cached token, two threads at once.
     *
     * @return the token
     */
    @Benchmark
    @Threads(2)
    public AccessToken getToken_2threads() {
        return credential.getToken(request);
    }
}
