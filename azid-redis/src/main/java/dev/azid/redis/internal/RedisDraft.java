package dev.azid.redis.internal;

import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * What a {@code RedisTokenStore.Builder} was told, checked into {@link RedisSettings} at build
 * time. Config errors name the setting and the fix, never a password.
 */
public final class RedisDraft {

    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    /** The host, or {@code null}. */
    public String host;
    /** The port. */
    public int port = 6379;
    /** Whether to use TLS. */
    public boolean tls;
    /** A trust store, or {@code null}. */
    public KeyStore trustStore;
    /** A TLS context, or {@code null}. */
    public SSLContext sslContext;
    /** The ACL user, or {@code null}. */
    public String username;
    /** The password, or {@code null}. */
    public char[] password;
    /** The database. */
    public int database;
    /** The key prefix. */
    public String prefix = "azid:";
    /** The connect timeout. */
    public Duration connectTimeout = Duration.ofSeconds(2);
    /** The command timeout. */
    public Duration commandTimeout = Duration.ofSeconds(2);
    /** The most pooled connections. */
    public int maxConnections = 8;

    /**
     * Takes the server, TLS, user, password and database from a {@code redis://} or {@code rediss://} URI.
     *
     * @param uri the URI
     * @throws IllegalArgumentException if it is not such a URI
     */
    public void uri(URI uri) {
        String scheme = uri.getScheme();
        if (!"redis".equalsIgnoreCase(scheme) && !"rediss".equalsIgnoreCase(scheme) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("RedisTokenStore: uri must look like redis://host:port/database or "
                    + "rediss://host:port/database (TLS), without query or fragment. Check the uri setting.");
        }
        host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        tls = "rediss".equalsIgnoreCase(scheme);
        if (uri.getPort() != -1) {
            port = uri.getPort();
        }
        String info = uri.getUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            if (colon < 0) {
                password = info.toCharArray();
            } else {
                username = colon == 0 ? null : info.substring(0, colon);
                password = colon == info.length() - 1 ? null : info.substring(colon + 1).toCharArray();
            }
        }
        String path = uri.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("RedisTokenStore: the uri's path must be a database number such as /0. "
                        + "Check the uri setting.", e);
            }
        }
    }

    /**
     * Checks everything.
     *
     * @return the settings
     * @throws IllegalArgumentException naming the setting that is missing or out of range
     */
    public RedisSettings settings() {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("RedisTokenStore: host is not set. Call host(...) or uri(...) with the "
                    + "Redis server's address.");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("RedisTokenStore: port must be from 1 to 65535, not " + port + ".");
        }
        if (database < 0 || database > 65535) {
            throw new IllegalArgumentException("RedisTokenStore: database must be from 0 to 65535, not " + database + ".");
        }
        if (prefix.isEmpty() || prefix.length() > 64 || !prefix.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("RedisTokenStore: keyPrefix must be 1 to 64 printable ASCII characters "
                    + "without spaces. Check the keyPrefix setting.");
        }
        timeout("connectTimeout", connectTimeout);
        timeout("commandTimeout", commandTimeout);
        if (maxConnections < 1 || maxConnections > 256) {
            throw new IllegalArgumentException("RedisTokenStore: maxConnections must be from 1 to 256, not "
                    + maxConnections + ".");
        }
        if (trustStore != null && sslContext != null) {
            throw new IllegalArgumentException("RedisTokenStore: set trustStore(...) or sslContext(...), not both.");
        }
        SSLContext context = trustStore != null ? RedisSettings.trusting(trustStore) : sslContext;
        return new RedisSettings(host, port, tls, context, username, password == null ? null : password.clone(),
                database, prefix, connectTimeout, commandTimeout, maxConnections);
    }

    private static void timeout(String name, Duration d) {
        if (d.compareTo(Duration.ofMillis(1)) < 0 || d.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("RedisTokenStore: " + name + " must be from 1 ms to 60 s, not " + d + ".");
        }
    }
}
