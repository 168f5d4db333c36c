package dev.azid.redis.internal;

import dev.azid.Environment;
import dev.azid.SharedTokenStore.Lease;
import dev.azid.SharedTokenStore.LeaseHolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * The Redis commands behind {@code RedisTokenStore}: values, leases and change notifications
 * under the store's prefix, each call bounded by the client's timeouts.
 */
public final class RedisCommands {

    /** The most bytes a value may have: a sealed token is a few KiB. */
    public static final int MAX_VALUE_BYTES = 64 * 1024;
    private static final long POLL_MILLIS = 25;
    // Bounds a wait if a change was published while the subscription was silently gone.
    private static final long BACKSTOP_MILLIS = 2_000;
    private static final byte[] PUT = "put".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LEASE_CHARS = 1024;
    private static final String HOLDER = "local v = redis.call('GET', KEYS[1]) if not v then return false end "
            + "return {v, redis.call('PTTL', KEYS[1])}";

    private final RedisSettings settings;
    private final RedisNames names;
    private final RedisClient client;
    private final ChangeListener changes;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    // Asked when this store first takes a lease: building it touches nothing.
    private volatile String self;

    /**
     * Creates the commands. Connects nowhere.
     *
     * @param settings the validated settings
     * @param clock the clock that token expiries are measured against
     */
    public RedisCommands(RedisSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.names = new RedisNames(settings.prefix());
        this.client = new RedisClient(settings, names);
        this.changes = client.changes();
    }

    /**
     * {@code GET <prefix>key}.
     *
     * @param key the store key
     * @return the value, or empty
     * @throws IOException if Redis fails or answers more than a token
     */
    public Optional<byte[]> get(String key) throws IOException {
        byte[] name = names.value(RedisNames.check(key));
        byte[] value = call("GET", jedis -> jedis.get(name));
        if (value != null && value.length > MAX_VALUE_BYTES) {
            throw new IOException("Redis at " + settings.address() + ": GET returned " + value.length
                    + " bytes, more than a token (" + MAX_VALUE_BYTES + "). Check that no other application writes under the "
                    + "prefix " + settings.prefix() + ".");
        }
        return Optional.ofNullable(value);
    }

    /**
     * {@code SET <prefix>key value PX <until expiresAt>} and {@code PUBLISH <prefix>key:changed}, in one round trip.
     *
     * @param key the store key
     * @param value the sealed value
     * @param expiresAt when the entry expires
     * @throws IOException if Redis fails
     */
    public void put(String key, byte[] value, Instant expiresAt) throws IOException {
        RedisNames.check(key);
        if (value.length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("RedisTokenStore: a value of " + value.length + " bytes is more than a token ("
                    + MAX_VALUE_BYTES + ").");
        }
        // Relative to this process's clock, so that the server's clock does not matter.
        long ttl = expiresAt.toEpochMilli() - clock.millis();
        byte[] name = names.value(key);
        byte[] channel = names.channel(key).getBytes(StandardCharsets.UTF_8);
        call("SET", jedis -> {
            Pipeline p = jedis.pipelined();
            Response<?> written = ttl > 0 ? p.set(name, value, SetParams.setParams().px(ttl)) : p.del(name);
            p.publish(channel, PUT);
            p.sync();
            return written.get();
        });
    }

    /**
     * {@code SET <prefix>key:lease "<random holder id> <description>" NX PX <duration>}.
     *
     * @param key the store key
     * @param duration how long the lease lasts unless renewed or released
     * @return the lease, or empty when another holder has it
     * @throws IOException if Redis fails
     */
    public Optional<Lease> tryLease(String key, Duration duration) throws IOException {
        String lease = names.lease(RedisNames.check(key));
        byte[] id = new byte[16];
        random.nextBytes(id);
        String holder = HexFormat.of().formatHex(id) + " " + self();
        String answer = call("SET NX", jedis -> jedis.set(lease, holder, SetParams.setParams().nx().px(Math.max(1, duration.toMillis()))));
        return "OK".equals(answer) ? Optional.<Lease>of(new RedisLease(client, names, key, holder)) : Optional.empty();
    }

    /**
     * {@code GET} and {@code PTTL} of {@code <prefix>key:lease}, in one script so that they agree.
     *
     * @param key the store key
     * @return the holder and when its lease ends, or empty when the lease is free
     * @throws IOException if Redis fails or answers something else than a lease
     */
    public Optional<LeaseHolder> leaseHolder(String key) throws IOException {
        String lease = names.lease(RedisNames.check(key));
        Object answer = call("EVAL (lease holder)", jedis -> jedis.eval(HOLDER, List.of(lease), List.of()));
        if (answer == null) {
            return Optional.empty();
        }
        if (!(answer instanceof List<?> parts) || parts.size() != 2 || !(parts.get(0) instanceof String value)
                || !(parts.get(1) instanceof Long ttl) || value.length() > MAX_LEASE_CHARS) {
            throw new IOException("Redis at " + settings.address() + ": the lease " + lease + " is not one azid wrote. "
                    + "Check that no other application writes under the prefix " + settings.prefix() + ".");
        }
        // PTTL -1: set without an expiry, by something other than azid; it never ends by itself.
        Instant end = ttl < 0 ? Instant.MAX : clock.instant().plusMillis(ttl);
        return Optional.of(new LeaseHolder(LeaseValue.description(value), end));
    }

    /**
     * Returns when the key's channel is published (a put or a release), or its lease is free or
     * expires, or at {@code maxWait}; polls every 25 ms while the subscription is not in place.
     *
     * @param key the store key
     * @param maxWait the longest wait
     * @throws IOException if Redis fails
     * @throws InterruptedException if the thread is interrupted
     */
    public void awaitChange(String key, Duration maxWait) throws IOException, InterruptedException {
        long budget = maxWait.toMillis();
        if (budget <= 0) {
            return;
        }
        String lease = names.lease(RedisNames.check(key));
        changes.start();
        if (!changes.listening()) {
            changes.awaitSubscription(Math.min(POLL_MILLIS, budget));
            return;
        }
        try (ChangeListener.Registration change = changes.register(key)) {
            // A release published before the registration would go unheard: look at the lease once, after it.
            long left = call("PTTL", jedis -> jedis.pttl(lease));
            if (left == -2) {
                return;
            }
            long wait = Math.min(budget, BACKSTOP_MILLIS);
            change.await(left > 0 ? Math.min(wait, left + 1) : wait);
        }
    }

    /** @return whether the subscription is in place (for tests) */
    public boolean listening() {
        return changes.listening();
    }

    /**
     * How many threads wait for a key (for tests).
     *
     * @param key the store key
     * @return the number of waiting threads
     */
    public int waiting(String key) {
        return changes.waiting(key);
    }

    /** Closes the pooled connections and the subscription; later calls fail with {@link IOException}. */
    public void close() {
        client.close();
    }

    private String self() {
        String s = self;
        if (s == null) {
            s = LeaseValue.thisProcess(Environment.system());
            self = s;
        }
        return s;
    }

    private <T> T call(String command, RedisClient.Command<T> body) throws IOException {
        return client.call(command, body);
    }
}
