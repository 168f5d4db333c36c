package dev.azid.redis;

import dev.azid.SharedTokenStore;
import dev.azid.redis.internal.RedisCommands;
import dev.azid.redis.internal.RedisDraft;
import dev.azid.redis.internal.RedisSettings;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A {@link SharedTokenStore} on a Redis server, for processes on many machines: the fleet then makes
 * one token request per identity and scopes. Plug it in with {@link dev.azid.SharedTokenCache}:
 *
 * <pre>{@code
 * RedisTokenStore redis = RedisTokenStore.builder().uri(URI.create("rediss://myapp@mycache.example.net:6380"))
 *         .password(passwordFromKeyVault).build();
 * SharedTokenCache shared = SharedTokenCache.builder().store(redis).encryptionKey(key).build();
 * CredentialOptions options = CredentialOptions.builder().sharedCache(shared).build();
 * }</pre>
 *
 * <p>Per key {@code k}, under the {@linkplain Builder#keyPrefix(String) prefix}: the sealed token is {@code <prefix>k}
 * ({@code GET}; {@code SET ... PX}, expiring with the token), the lease is {@code <prefix>k:lease} ({@code SET ... NX PX}
 * of a random holder id, process id and host name; renewed and released by scripts that act only while it still
 * holds that value), and every put and release is published on {@code <prefix>k:changed}. Waiting processes are
 * woken through one pattern subscription per store (one extra connection); while it is down they look every 25 ms.
 *
 * <p>Every call is bounded by the {@linkplain Builder#commandTimeout(Duration) command timeout}
 * (and the connect timeout for a new connection) and reports a failure with {@link IOException};
 * {@link dev.azid.SharedTokenCache} then fails open. Thread-safe. Building connects nowhere;
 * {@link #close()} closes the connections. {@link #toString()} never shows the password.
 */
public final class RedisTokenStore implements SharedTokenStore, Closeable {

    private final RedisSettings settings;
    private final RedisCommands commands;

    private RedisTokenStore(RedisSettings settings, Clock clock) {
        this.settings = settings;
        this.commands = new RedisCommands(settings, clock);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code GET <prefix>key}. */
    @Override
    public Optional<byte[]> get(String key) throws IOException {
        return commands.get(key);
    }

    /** {@code SET <prefix>key value PX <until expiresAt>} and {@code PUBLISH <prefix>key:changed}, in one round trip. */
    @Override
    public void put(String key, byte[] value, Instant expiresAt) throws IOException {
        commands.put(key, value, expiresAt);
    }

    /** {@code SET <prefix>key:lease "<random id> pid <pid> on <host>" NX PX <duration>}; renewed and released by scripts. */
    @Override
    public Optional<Lease> tryLease(String key, Duration duration) throws IOException {
        return commands.tryLease(key, duration);
    }

    /** {@code GET} and {@code PTTL} of {@code <prefix>key:lease} in one script: the holder's pid and host, and the lease's end. */
    @Override
    public Optional<LeaseHolder> leaseHolder(String key) throws IOException {
        return commands.leaseHolder(key);
    }

    /** Returns at a put or release on the key's channel, a free or expired lease, or {@code maxWait}; polls every 25 ms unsubscribed. */
    @Override
    public void awaitChange(String key, Duration maxWait) throws IOException, InterruptedException {
        commands.awaitChange(key, maxWait);
    }

    /** @return whether the subscription is in place (for tests) */
    boolean listening() {
        return commands.listening();
    }

    /** @return how many threads wait for a key (for tests) */
    int waiting(String key) {
        return commands.waiting(key);
    }

    /** Closes the pooled connections and the subscription; later calls fail with {@link IOException}. */
    @Override
    public void close() {
        commands.close();
    }

    /** Names the server, user, database and prefix; never the password. */
    @Override
    public String toString() {
        return "RedisTokenStore[" + settings + "]";
    }

    /**
     * Builds a {@link RedisTokenStore}. Not thread-safe. Defaults: port 6379, no TLS, the default
     * user without a password, database 0, prefix {@code azid:}, connect and command timeouts 2 s,
     * at most 8 pooled connections.
     */
    public static final class Builder {
        private final RedisDraft draft = new RedisDraft();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the server from a URI, {@code redis://[[user]:password@]host[:port][/database]}, or
         * {@code rediss://...} for TLS. Prefer {@link #password(char[])} to a password in the URI.
         *
         * @param uri the URI
         * @return this builder
         * @throws IllegalArgumentException if it is not such a URI
         */
        public Builder uri(URI uri) {
            draft.uri(Objects.requireNonNull(uri, "RedisTokenStore.uri"));
            return this;
        }

        /**
         * Sets the server's host name or address (required unless {@link #uri(URI)} names it). With
         * TLS the server's certificate must name it.
         *
         * @param host the host
         * @return this builder
         */
        public Builder host(String host) {
            draft.host = Objects.requireNonNull(host, "RedisTokenStore.host");
            return this;
        }

        /**
         * Sets the server's port (default 6379).
         *
         * @param port from 1 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            draft.port = port;
            return this;
        }

        /**
         * Connects with TLS (default {@code false}), verifying the server's certificate and host
         * name against the JDK's trusted CAs unless {@link #trustStore} or {@link #sslContext} is set.
         *
         * @param tls whether to use TLS
         * @return this builder
         */
        public Builder tls(boolean tls) {
            draft.tls = tls;
            return this;
        }

        /**
         * Trusts the CA certificates of this key store for TLS (implies {@code tls(true)}).
         *
         * @param trustStore a loaded key store
         * @return this builder
         */
        public Builder trustStore(KeyStore trustStore) {
            draft.trustStore = Objects.requireNonNull(trustStore, "RedisTokenStore.trustStore");
            draft.tls = true;
            return this;
        }

        /**
         * Uses this TLS context (implies {@code tls(true)}), for example one with a client
         * certificate; the host name is still verified.
         *
         * @param context the context
         * @return this builder
         */
        public Builder sslContext(SSLContext context) {
            draft.sslContext = Objects.requireNonNull(context, "RedisTokenStore.sslContext");
            draft.tls = true;
            return this;
        }

        /**
         * Sets the ACL user (Redis 6 and later; default: the default user).
         *
         * @param username the user name
         * @return this builder
         */
        public Builder username(String username) {
            draft.username = Objects.requireNonNull(username, "RedisTokenStore.username");
            return this;
        }

        /**
         * Sets the password ({@code AUTH}); copied, never shown.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(char[] password) {
            draft.password = Objects.requireNonNull(password, "RedisTokenStore.password").clone();
            return this;
        }

        /**
         * Selects a database (default 0).
         *
         * @param database from 0 to 65535
         * @return this builder
         */
        public Builder database(int database) {
            draft.database = database;
            return this;
        }

        /**
         * Sets the prefix of every key and channel (default {@code azid:}), so that applications
         * sharing a server keep apart.
         *
         * @param prefix 1 to 64 printable ASCII characters, no space
         * @return this builder
         */
        public Builder keyPrefix(String prefix) {
            draft.prefix = Objects.requireNonNull(prefix, "RedisTokenStore.keyPrefix");
            return this;
        }

        /**
         * Sets how long connecting (TCP and TLS) may take (default 2 s).
         *
         * @param timeout from 1 ms to 60 s
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            draft.connectTimeout = Objects.requireNonNull(timeout, "RedisTokenStore.connectTimeout");
            return this;
        }

        /**
         * Sets how long a command may wait for its answer, and for a free pooled connection (default 2 s).
         *
         * @param timeout from 1 ms to 60 s
         * @return this builder
         */
        public Builder commandTimeout(Duration timeout) {
            draft.commandTimeout = Objects.requireNonNull(timeout, "RedisTokenStore.commandTimeout");
            return this;
        }

        /**
         * Sets the most pooled connections (default 8); the subscription has one more.
         *
         * @param max from 1 to 256
         * @return this builder
         */
        public Builder maxConnections(int max) {
            draft.maxConnections = max;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the store. Connects nowhere.
         *
         * @return the store
         * @throws IllegalArgumentException if no host is set or a setting is out of range
         */
        public RedisTokenStore build() {
            return new RedisTokenStore(draft.settings(), clock);
        }
    }
}
