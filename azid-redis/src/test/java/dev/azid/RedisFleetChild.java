package dev.azid;

import dev.azid.redis.RedisTokenStore;
import java.time.Duration;

/**
 * A {@link SharedCacheFleetChild} over a {@link RedisTokenStore}: the same commands, with the
 * store argument {@code <port>} of a redis-server on 127.0.0.1.
 */
public final class RedisFleetChild {

    private RedisFleetChild() {
    }

    /**
     * Entry point.
     *
     * @param args {@code secret <authority> <redis port> <key>}
     * @throws Exception on set-up errors
     */
    public static void main(String[] args) throws Exception {
        RedisTokenStore store = RedisTokenStore.builder().host("127.0.0.1").port(Integer.parseInt(args[2]))
                .connectTimeout(Duration.ofSeconds(1)).commandTimeout(Duration.ofSeconds(1)).build();
        SharedCacheFleetChild.run(args, store);
    }
}
