package dev.azid.redis;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * A base for test classes sharing one real redis-server among their tests, with two stores on it
 * ({@link #a} and {@link #b}, as two processes' connections), plus the key and raw connection those tests use alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoStores {

    /** The server, started before the class's tests. */
    RedisServer server;
    /** One store on {@link #server}. */
    RedisTokenStore a;
    /** Another store on {@link #server}, with its own connections. */
    RedisTokenStore b;

    @BeforeAll
    void startServerAndStores(@TempDir Path dir) throws Exception {
        server = RedisServer.start(dir);
        a = server.store().build();
        b = server.store().build();
    }

    @AfterAll
    void stopStoresAndServer() throws Exception {
        a.close();
        b.close();
        server.close();
    }

    /** @return a fresh random key (64 hex digits), so that tests sharing the server never meet */
    static String key() {
        byte[] k = new byte[32];
        ThreadLocalRandom.current().nextBytes(k);
        return HexFormat.of().formatHex(k);
    }

    /** @return a plain connection to the server, to look at or change what the stores wrote */
    Jedis raw() {
        return new Jedis("127.0.0.1", server.port());
    }
}
