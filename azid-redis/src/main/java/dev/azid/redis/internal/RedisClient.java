package dev.azid.redis.internal;

import java.io.Closeable;
import java.io.IOException;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A store's connections: a bounded pool for commands (a caller waits at most the command timeout
 * for a free one) and the {@link ChangeListener}'s own connection. Client failures come out as
 * {@link IOException}. Thread-safe; opens nothing until first used.
 */
public final class RedisClient implements Closeable {

    private final RedisSettings settings;
    private final JedisPool pool;
    private final ChangeListener changes;

    /**
     * Creates it.
     *
     * @param settings the validated settings
     * @param names the store's names, for the subscription
     */
    public RedisClient(RedisSettings settings, RedisNames names) {
        this.settings = settings;
        JedisClientConfig config = settings.clientConfig();
        GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(settings.maxConnections());
        poolConfig.setMaxIdle(settings.maxConnections());
        poolConfig.setMinIdle(0);
        poolConfig.setMaxWait(settings.commandTimeout());
        poolConfig.setBlockWhenExhausted(true);
        poolConfig.setJmxEnabled(false);
        this.pool = new JedisPool(poolConfig, settings.address(), config);
        this.changes = new ChangeListener(names, () -> new Jedis(settings.address(), config), settings.toString());
    }

    /** @return the subscriber */
    public ChangeListener changes() {
        return changes;
    }

    /**
     * Runs one command on a pooled connection.
     *
     * @param command names the command in a failure's message
     * @param body the command
     * @param <T> its answer's type
     * @return its answer
     * @throws IOException if the server cannot be reached, times out or answers an error
     */
    public <T> T call(String command, Command<T> body) throws IOException {
        try (Jedis jedis = pool.getResource()) {
            return body.run(jedis);
        } catch (JedisConnectionException e) {
            // The other idle connections are likely as dead (a restart): drop them, so that the next call reconnects.
            pool.clear();
            throw Failures.wrap(settings.address() + ": " + command, e);
        } catch (JedisException e) {
            throw Failures.wrap(settings.address() + ": " + command, e);
        }
    }

    /** Closes the subscription and the pool; later calls fail with {@link IOException}. */
    @Override
    public void close() {
        changes.close();
        pool.close();
    }

    /**
     * One command on a connection.
     *
     * @param <T> its answer's type
     */
    @FunctionalInterface
    public interface Command<T> {
        /**
         * Runs it.
         *
         * @param jedis the connection
         * @return the answer
         */
        T run(Jedis jedis);
    }
}
