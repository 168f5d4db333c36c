package dev.azid.redis.internal;

import dev.azid.SharedTokenStore;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A held lease on one key, its value this holder's random id and description. Renewed by a
 * compare-and-extend script and released by a compare-and-delete script, each acting only while the
 * lease still holds that value (a lease that expired and was taken by another process is left
 * alone); a release publishes the key's channel. The extension is a {@code SET ... PX} of the same
 * value rather than {@code PEXPIRE}, so that an ACL that allows the store's other commands allows it.
 */
public final class RedisLease implements SharedTokenStore.Lease {

    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "redis.call('DEL', KEYS[1]) redis.call('PUBLISH', ARGV[2], 'release') return 1 end return 0";

    private static final String RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end return 0";

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
     * @param holder the value the lease holds: the random id and the description
     */
    public RedisLease(RedisClient client, RedisNames names, String key, String holder) {
        this.client = client;
        this.names = names;
        this.key = key;
        this.holder = holder;
    }

    /** Sets the lease to end {@code duration} from now if it still holds this holder's value; never after a release. */
    @Override
    public boolean renew(Duration duration) throws IOException {
        if (released) {
            return false;
        }
        String millis = Long.toString(Math.max(1, duration.toMillis()));
        Object answer = client.call("EVAL (renew)", jedis -> jedis.eval(RENEW, List.of(names.lease(key)), List.of(holder, millis)));
        return Long.valueOf(1).equals(answer);
    }

    /** Deletes the lease if it still holds this holder's value, and publishes the key's channel; idempotent. */
    @Override
    public void release() throws IOException {
        if (released) {
            return;
        }
        client.call("EVAL (release)", jedis -> jedis.eval(RELEASE, List.of(names.lease(key)), List.of(holder, names.channel(key))));
        released = true;
    }

    /** Names the key; never the holder's value. */
    @Override
    public String toString() {
        return "RedisTokenStore.Lease[" + key + "]";
    }
}
