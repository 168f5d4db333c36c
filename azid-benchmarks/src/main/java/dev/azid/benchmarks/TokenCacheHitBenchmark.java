package dev.azid.benchmarks;

import dev.azid.CredentialOptions;
import dev.azid.AccessToken;
import dev.azid.ClientSecretCredential;
import dev.azid.TokenRequestContext;
import dev.azid.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Threads;

/**
 * The hot path: {@code getToken} when the cache holds a fresh token. Run with {@code -prof gc} to
 * see the allocation per call (the target is none beyond what the caller allocates).
 */
public class TokenCacheHitBenchmark extends InProcessBenchmark {

    private static final String TOKEN_JSON = "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"eyJ.x.y\"}";

    private ClientSecretCredential credential;
    private TokenRequestContext request;

    /** Builds a credential whose transport answers every token request at once, then warms its cache. */
    @Setup
    public void setUp() {
        credential = ClientSecretCredential.builder()
                .tenantId("72f988bf-86f1-41af-91ab-2d7cd011db47")
                .clientId("11111111-2222-3333-4444-555555555555")
                .clientSecret("benchmark-secret")
                .options(CredentialOptions.builder().httpTransport(r -> new HttpResponse(200, Map.of("Content-Type", List.of("application/json")),
                        TOKEN_JSON.getBytes(StandardCharsets.UTF_8))).build())
                .build();
        request = TokenRequestContext.of("https://management.azure.com/.default");
        credential.getToken(request);
    }

    /**
     * A cached token, one thread.
     *
     * @return the token
     */
    @Benchmark
    public AccessToken getToken_cached() {
        return credential.getToken(request);
    }

    /**
     * A cached token, four threads at once (lock-free reads scale).
     *
     * @return the token
     */
    @Benchmark
    @Threads(4)
    public AccessToken getToken_cached_4threads() {
        return credential.getToken(request);
    }

    /**
     * A cached token through the asynchronous API.
     *
     * @return the token
     */
    @Benchmark
    public AccessToken getTokenAsync_cached() {
        return credential.getTokenAsync(request).join();
    }
}
