package dev.azid.benchmarks;

import dev.azid.ClientSecretCredential;
import dev.azid.CredentialOptions;
import dev.azid.FileSharedTokenStore;
import dev.azid.SharedTokenCache;
import dev.azid.SharedTokenStore;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared cache an azid child uses, passed from the parent through environment variables: a
 * {@link FileSharedTokenStore} in a directory, or a Redis store ({@link RedisStores}) on a port and
 * key prefix, with an AES-256 key. The Redis client classes are loaded only by Redis children.
 */
final class SharedStores {

    private static final String KIND = "AZID_BENCH_STORE";
    private static final String DIR = "AZID_BENCH_STORE_DIR";
    /** The Redis port on 127.0.0.1 (also read by the MSAL4J children). */
    static final String REDIS_PORT = "AZID_BENCH_REDIS_PORT";
    /** The Redis key prefix of one run (also read by the MSAL4J children). */
    static final String REDIS_PREFIX = "AZID_BENCH_REDIS_PREFIX";
    private static final String KEY = "AZID_BENCH_SHARED_KEY";

    private SharedStores() {
    }

    /**
     * @param dir the store's directory
     * @param key the encryption key
     * @return the variables for a file store
     */
    static Map<String, String> file(Path dir, byte[] key) {
        Map<String, String> env = new HashMap<>();
        env.put(KIND, "file");
        env.put(DIR, dir.toString());
        env.put(KEY, Base64.getEncoder().encodeToString(key));
        return env;
    }

    /**
     * @param port the Redis port on 127.0.0.1
     * @param prefix the key prefix, unique per run so that runs share nothing
     * @param key the encryption key
     * @return the variables for a Redis store
     */
    static Map<String, String> redis(int port, String prefix, byte[] key) {
        Map<String, String> env = new HashMap<>();
        env.put(KIND, "redis");
        env.put(REDIS_PORT, String.valueOf(port));
        env.put(REDIS_PREFIX, prefix);
        env.put(KEY, Base64.getEncoder().encodeToString(key));
        return env;
    }

    /** @return the shared cache the parent described in this process's environment */
    static SharedTokenCache fromEnvironment() {
        SharedTokenStore store = "redis".equals(ChildOutput.env(KIND))
                ? RedisStores.store(Integer.parseInt(ChildOutput.env(REDIS_PORT)), ChildOutput.env(REDIS_PREFIX))
                : FileSharedTokenStore.builder().directory(Path.of(ChildOutput.env(DIR))).build();
        return SharedTokenCache.builder().store(store)
                .encryptionKey(Base64.getDecoder().decode(ChildOutput.env(KEY))).build();
    }

    /**
     * @return the bare-GET floor on the Redis entry the parent described, or {@code null} for the file store
     * @throws java.io.IOException if Redis cannot be reached or holds no entry under the prefix
     */
    static RespFloor redisFloor() throws java.io.IOException {
        return "redis".equals(ChildOutput.env(KIND))
                ? RespFloor.open(Integer.parseInt(ChildOutput.env(REDIS_PORT)), ChildOutput.env(REDIS_PREFIX)) : null;
    }

    /**
     * The child's credential: the parent's service principal and authority, over a shared cache.
     *
     * @param s the child's settings
     * @param shared the shared cache
     * @return a new credential, its in-process cache empty
     */
    static ClientSecretCredential credential(ChildSettings s, SharedTokenCache shared) {
        return ClientSecretCredential.builder()
                .tenantId(s.tenantId())
                .clientId(s.clientId())
                .clientSecret(s.clientSecret())
                .options(CredentialOptions.builder().authorityHost(s.authorityHost()).sharedCache(shared).build())
                .build();
    }
}
