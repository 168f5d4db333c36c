package dev.azid.redis.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisProtocol;

/**
 * A Redis store's validated connection settings, and the client configuration made from them.
 * {@link #toString()} names the server, the user and whether a password is set, never the password.
 *
 * @param host the host name or address
 * @param port the port
 * @param tls whether to connect with TLS (the server's name is then verified against its certificate)
 * @param sslContext the TLS context, or {@code null} for the JDK's default trust
 * @param username the ACL user, or {@code null} for the default user
 * @param password the password, or {@code null} for none
 * @param database the database index
 * @param prefix the key prefix
 * @param connectTimeout the connect timeout (TCP and TLS handshake)
 * @param commandTimeout the time a command may wait for its answer, and for a pooled connection
 * @param maxConnections the most pooled connections
 */
public record RedisSettings(String host, int port, boolean tls, SSLContext sslContext, String username, char[] password,
        int database, String prefix, Duration connectTimeout, Duration commandTimeout, int maxConnections) {

    /**
     * Makes a TLS context that trusts the certificates of a trust store.
     *
     * @param trustStore the trust store
     * @return the context
     * @throws IllegalArgumentException if the trust store cannot be used
     */
    public static SSLContext trusting(KeyStore trustStore) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("RedisTokenStore: the trustStore cannot be used (" + e.getClass().getSimpleName()
                    + "). Give a loaded key store with the Redis server's CA certificate.", e);
        }
    }

    /** @return the server's address */
    public HostAndPort address() {
        return new HostAndPort(host, port);
    }

    /** @return the client configuration for every connection (pooled and the subscriber's) */
    public JedisClientConfig clientConfig() {
        DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder()
                .protocol(RedisProtocol.RESP2)
                .connectionTimeoutMillis(millis(connectTimeout))
                .socketTimeoutMillis(millis(commandTimeout))
                .database(database)
                .clientName("azid")
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        if (username != null) {
            b.user(username);
        }
        if (password != null) {
            b.password(new String(password));
        }
        if (tls) {
            SSLParameters parameters = new SSLParameters();
            // Without it the client would accept any certificate its trust managers accept, for any host.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            b.ssl(true).sslParameters(parameters);
            if (sslContext != null) {
                b.sslSocketFactory(sslContext.getSocketFactory());
            }
        }
        return b.build();
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, d.toMillis());
    }

    /** Names the server, user, database and prefix, and whether a password is set; never the password. */
    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return (tls ? "rediss://" : "redis://") + (username == null ? "" : username + "@") + h + ":" + port + "/" + database
                + ", prefix=" + prefix + (password == null ? "" : ", password set");
    }
}
