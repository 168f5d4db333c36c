package dev.azid.redis.internal;

import dev.azid.SharedTokenStore;
import java.io.IOException;
import java.util.List;

/**
 * A held lease on one key: released by a compare-and-delete script, which deletes the lease only
 * while it still holds this holder's random id (a lease that expired and was taken by another
 * process is left alone) and publishes the key's channel.
 */
public final class RedisLease implements SharedTokenStore.Lease {

    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "redis.call('DEL', KEYS[1]) redis.call('PUBLISH', ARGV[2], 'release') return 1 end return 0";

    private final RedisClient client;
    private final RedisNames names;
    private final String key;
    private final String holder;
    private volatile boolean released;

    /**
     * Creates it for a lease just taken.
     *
     * @param client the connections
     * @param names the store's names
     * @param key the store key
     * @param holder the random id the lease holds
     */
    public RedisLease(RedisClient client, RedisNames names, String key, String holder) {
        this.client = client;
        this.names = names;
        this.key = key;
        this.holder = holder;
    }

    /** Deletes the lease if it still holds this holder id, and publishes the key's channel; idempotent. */
    @Override
    public void release() throws IOException {
        if (released) {
            return;
        }
        client.call("EVAL (release)", jedis -> jedis.eval(RELEASE, List.of(names.lease(key)), List.of(holder, names.channel(key))));
        released = true;
    }

    /** Names the key; never the holder id. */
    @Override
    public String toString() {
        return "RedisTokenStore.Lease[" + key + "]";
    }
}
