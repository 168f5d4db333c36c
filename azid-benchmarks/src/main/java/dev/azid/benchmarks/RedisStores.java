package dev.azid.benchmarks;

import dev.azid.SharedTokenStore;
import dev.azid.redis.RedisTokenStore;

/** Builds azid's Redis store for a child; in its own class so that file-store children never load Jedis. */
final class RedisStores {

    private RedisStores() {
    }

    /**
     * @param port the Redis port on 127.0.0.1
     * @param prefix the key prefix
     * @return the store, with the default timeouts (2 s connect, 2 s per command)
     */
    static SharedTokenStore store(int port, String prefix) {
        return RedisTokenStore.builder().host("127.0.0.1").port(port).keyPrefix(prefix).build();
    }
}
