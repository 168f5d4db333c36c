package dev.azid.benchmarks;

import dev.azid.AccessToken;
import dev.azid.ClientSecretCredential;
import dev.azid.CredentialOptions;
import dev.azid.FileSharedTokenStore;
import dev.azid.SharedTokenCache;
import dev.azid.SharedTokenStore;
import dev.azid.TokenRequestContext;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import dev.azid.redis.RedisTokenStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * {@link AzidCachedTokenBenchmark} with a shared cache configured ({@code sharedCache(...)}: a
 * {@link FileSharedTokenStore} in a temporary directory, or a {@link RedisTokenStore} on a
 * {@code redis-server} this benchmark starts): the in-process hit must stay as it is (the store is
 * asked only on a miss or a due refresh). Run with {@code -prof gc} for the allocation per call.
 */
public class AzidSharedCacheHitBenchmark extends InProcessBenchmark {

    /** The shared store: {@code file} or {@code redis}. */
    @Param({"file", "redis"})
    public String store;

    private EntraEmulator emulator;
    private RedisProcess redis;
    private SharedTokenStore sharedStore;
    private Path dir;
    private ClientSecretCredential credential;
    private TokenRequestContext request;

    /**
     * Starts the emulator (and Redis), builds the credential with the shared cache and fetches the
     * one token every call then reuses.
     *
     * @throws Exception if Redis or the directory cannot be set up
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        emulator = EntraEmulator.builder().start();
        dir = Files.createTempDirectory("azid-bench-jmh-shared");
        if (store.equals("redis")) {
            redis = RedisProcess.start();
            sharedStore = RedisTokenStore.builder().host("127.0.0.1").port(redis.port()).build();
        } else {
            sharedStore = FileSharedTokenStore.builder().directory(dir).build();
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SharedTokenCache shared = SharedTokenCache.builder().store(sharedStore).encryptionKey(key).build();
        credential = ClientSecretCredential.builder()
                .tenantId(EmulatorConfig.DEFAULT_TENANT_ID)
                .clientId(EmulatorConfig.DEFAULT_CLIENT_ID)
                .clientSecret(EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString())
                        .httpTransport(HttpTransport.builder().sslContext(emulator.sslContext()).build())
                        .sharedCache(shared).build())
                .build();
        request = TokenRequestContext.of("https://management.azure.com/.default");
        credential.getToken(request);
    }

    /**
     * Reports (on standard error) if the measured calls reached the network, then stops everything.
     *
     * @param params which benchmark ran
     * @throws Exception if Redis or the directory cannot be cleaned up
     */
    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) throws Exception {
        CacheCheck.expectTokenRequests(emulator, params.getBenchmark() + " (" + store + ")", 1);
        emulator.close();
        if (sharedStore instanceof RedisTokenStore r) {
            r.close();
        }
        if (redis != null) {
            redis.close();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory; nothing depends on it.
        }
    }

    /**
     * A cached token with the shared cache configured, one thread.
     *
     * @return the token
     */
    @Benchmark
    @Threads(1)
    public AccessToken getToken() {
        return credential.getToken(request);
    }
}
