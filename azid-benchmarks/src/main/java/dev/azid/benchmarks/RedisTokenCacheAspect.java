package dev.azid.benchmarks;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * The peer's distributed token cache, written for the benchmark as MSAL4J's documentation describes a
 * cache-access aspect: before every cache access, load the application's serialised cache blob from
 * Redis and deserialise it into MSAL's cache; after the access, if MSAL says the cache changed,
 * serialise it and store it back. One blob per application (the key names the client id), as for a
 * confidential client's app-token cache. Nothing coordinates who fetches: that is MSAL4J's model.
 */
final class RedisTokenCacheAspect implements ITokenCacheAccessAspect {

    private final Jedis redis;
    private final String prefix;

    /**
     * @param port the Redis port on 127.0.0.1
     * @param prefix the key prefix of this run
     */
    RedisTokenCacheAspect(int port, String prefix) {
        this.redis = new Jedis(new HostAndPort("127.0.0.1", port),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(2000).socketTimeoutMillis(2000).build());
        this.prefix = prefix;
    }

    @Override
    public synchronized void beforeCacheAccess(ITokenCacheAccessContext context) {
        String blob = redis.get(key(context));
        if (blob != null) {
            context.tokenCache().deserialize(blob);
        }
    }

    @Override
    public synchronized void afterCacheAccess(ITokenCacheAccessContext context) {
        if (context.hasCacheChanged()) {
            redis.set(key(context), context.tokenCache().serialize());
        }
    }

    private String key(ITokenCacheAccessContext context) {
        return prefix + "msal-app-cache:" + context.clientId();
    }
}
