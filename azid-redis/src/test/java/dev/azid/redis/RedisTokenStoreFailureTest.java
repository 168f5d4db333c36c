package dev.azid.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** Building (every setting checked, the password never shown) and failing within the timeouts, without a server. */
@Timeout(30)
class RedisTokenStoreFailureTest {

    private static final String KEY = "d".repeat(64);

    private static long millisOf(Executable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::execute).isInstanceOf(IOException.class).hasMessageStartingWith("Redis at 127.0.0.1:");
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void nothingListening_everyCallThrowsIOException_quickly() throws Exception {
        try (RedisTokenStore store = RedisTokenStore.builder().host("127.0.0.1").port(RedisServer.freePort()).build()) {
            // The first call loads the client's classes; timed are the calls after it.
            millisOf(() -> store.get(KEY));
            assertThat(millisOf(() -> store.get(KEY))).isLessThan(1_500);
            assertThat(millisOf(() -> store.put(KEY, new byte[] {1}, Instant.now().plusSeconds(60)))).isLessThan(1_500);
            assertThat(millisOf(() -> store.tryLease(KEY, Duration.ofSeconds(5)))).isLessThan(1_500);
            long start = System.nanoTime();
            // Not subscribed: a short poll, never a hang.
            store.awaitChange(KEY, Duration.ofSeconds(10));
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        }
    }

    @Test
    void serverThatNeverAnswers_callsEndAtTheCommandTimeout() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // Closed at the end of the test.
                }
            }, "silent-redis");
            acceptor.setDaemon(true);
            acceptor.start();
            try (RedisTokenStore store = RedisTokenStore.builder().host("127.0.0.1").port(silent.getLocalPort())
                    .connectTimeout(Duration.ofMillis(300)).commandTimeout(Duration.ofMillis(300)).build()) {
                assertThat(millisOf(() -> store.get(KEY))).isBetween(250L, 3_000L);
                assertThat(millisOf(() -> store.tryLease(KEY, Duration.ofSeconds(5)))).isBetween(250L, 3_000L);
            }
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void closed_callsThrowIOException() throws Exception {
        RedisTokenStore store = RedisTokenStore.builder().host("127.0.0.1").port(RedisServer.freePort()).build();
        store.close();
        assertThatThrownBy(() -> store.get(KEY)).isInstanceOf(IOException.class);
    }

    @Test
    void keys_notLikeAzidsKeys_refused() {
        RedisTokenStore store = RedisTokenStore.builder().host("127.0.0.1").build();
        for (String bad : new String[] {"", "a b", "a*", "x:lease", "k\n", "é", "a".repeat(129)}) {
            assertThatThrownBy(() -> store.get(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.put(KEY, new byte[dev.azid.redis.internal.RedisCommands.MAX_VALUE_BYTES + 1], Instant.now().plusSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        store.close();
    }

    @Test
    void build_settingsOutOfRange_illegalArgumentNamingTheSetting() {
        assertThatThrownBy(() -> RedisTokenStore.builder().build()).hasMessageContaining("host is not set");
        assertThatThrownBy(() -> RedisTokenStore.builder().host("h").port(0).build()).hasMessageContaining("port");
        assertThatThrownBy(() -> RedisTokenStore.builder().host("h").database(-1).build()).hasMessageContaining("database");
        assertThatThrownBy(() -> RedisTokenStore.builder().host("h").keyPrefix("").build()).hasMessageContaining("keyPrefix");
        assertThatThrownBy(() -> RedisTokenStore.builder().host("h").keyPrefix("a b").build()).hasMessageContaining("keyPrefix");
        assertThatThrownBy(() -> RedisTokenStore.builder().host("h").connectTimeout(Duration.ZERO).build())
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> RedisTokenStore.builder().host("h").commandTimeout(Duration.ofMinutes(2)).build())
                .hasMessageContaining("commandTimeout");
        assertThatThrownBy(() -> RedisTokenStore.builder().host("h").maxConnections(0).build())
                .hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> RedisTokenStore.builder().uri(URI.create("http://h:1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uri");
        assertThatThrownBy(() -> RedisTokenStore.builder().uri(URI.create("redis://h/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database");
        assertThatThrownBy(() -> RedisTokenStore.builder().uri(URI.create("redis://h/0?ssl=true")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_uriWithUserAndPassword_namesServerAndUserNeverThePassword() {
        try (RedisTokenStore store = RedisTokenStore.builder()
                .uri(URI.create("rediss://app:Pw-in-Uri-5521@cache.example.net:6380/2")).keyPrefix("myapp:").build()) {
            assertThat(store.toString()).isEqualTo(
                    "RedisTokenStore[rediss://app@cache.example.net:6380/2, prefix=myapp:, password set]");
        }
        char[] password = "Pw-given-8812".toCharArray();
        RedisTokenStore.Builder b = RedisTokenStore.builder().host("::1").password(password);
        password[0] = 'X';
        try (RedisTokenStore store = b.build()) {
            assertThat(store.toString()).isEqualTo("RedisTokenStore[redis://[::1]:6379/0, prefix=azid:, password set]")
                    .doesNotContain("Pw-given-8812");
        }
    }
}
