package dev.azid.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.SharedTokenStore.Lease;
import dev.azid.test.Leaks;
import dev.azid.test.LogCapture;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** AUTH with a password ({@code requirepass}) and with an ACL user restricted to the store's prefix, on a real redis-server. */
@Timeout(30)
class RedisAuthTest {

    private static final String PASSWORD = "s3cret-Redis-pw-4417";
    private static final String ACL_PASSWORD = "acl-Pw-9931-azid";
    private static final String KEY = "a".repeat(64);

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private static void roundTrip(RedisTokenStore store) throws Exception {
        store.put(KEY, "v".getBytes(StandardCharsets.UTF_8), Instant.now().plusSeconds(60));
        assertThat(store.get(KEY)).isPresent();
        Lease lease = store.tryLease(KEY, Duration.ofSeconds(30)).orElseThrow();
        // Renewal and who holds the lease need no command beyond the others' (SET in a script, GET and PTTL).
        assertThat(lease.renew(Duration.ofSeconds(30))).isTrue();
        assertThat(store.leaseHolder(KEY)).isPresent();
        lease.release();
        assertThat(store.tryLease(KEY, Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void requirepass_rightPassword_works_wrongOrMissing_ioExceptionWithoutThePassword() throws Exception {
        try (RedisServer server = RedisServer.start(dir, "--requirepass", PASSWORD)) {
            try (RedisTokenStore store = server.store().password(PASSWORD.toCharArray()).build()) {
                roundTrip(store);
                assertThat(store.toString()).contains("127.0.0.1:" + server.port(), "password set").doesNotContain(PASSWORD);
            }
            try (RedisTokenStore store = server.store().password("wrong-Pw-0000-xyz".toCharArray()).build()) {
                IOException e = (IOException) org.assertj.core.api.Assertions.catchThrowable(() -> store.get(KEY));
                assertThat(e).isInstanceOf(IOException.class).hasMessageContaining("127.0.0.1:" + server.port());
                Leaks.assertNone(e, logs, PASSWORD, "wrong-Pw-0000-xyz");
            }
            try (RedisTokenStore store = server.store().build()) {
                assertThatThrownBy(() -> store.get(KEY)).isInstanceOf(IOException.class).hasMessageContaining("NOAUTH");
            }
            try (RedisTokenStore store = RedisTokenStore.builder()
                    .uri(URI.create("redis://:" + PASSWORD + "@127.0.0.1:" + server.port() + "/3")).build()) {
                roundTrip(store);
                assertThat(store.toString()).contains("/3").doesNotContain(PASSWORD);
            }
            logs.assertNoSecrets(PASSWORD);
        }
    }

    @Test
    void aclUser_limitedToThePrefix_shares_andIsRefusedOutsideIt() throws Exception {
        // The least a store needs: its commands, its keys, and its channels by the pattern it subscribes to
        // (PSUBSCRIBE needs the ACL's pattern literally).
        try (RedisServer server = RedisServer.start(dir, "--user", "default", "off", "--user", "azidapp", "on",
                ">" + ACL_PASSWORD, "~azid:*", "&azid:*:changed", "+get", "+set", "+del", "+publish", "+psubscribe", "+punsubscribe",
                "+pttl", "+eval", "+ping", "+client|setname");
                RedisTokenStore a = server.store().username("azidapp").password(ACL_PASSWORD.toCharArray()).build();
                RedisTokenStore b = server.store().username("azidapp").password(ACL_PASSWORD.toCharArray()).build()) {
            roundTrip(a);
            assertThat(a.toString()).contains("redis://azidapp@127.0.0.1:").doesNotContain(ACL_PASSWORD);

            // Woken through the subscription, which the ACL allows on the prefix's channels only.
            String key = "b".repeat(64);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!a.listening() && System.nanoTime() < deadline) {
                a.awaitChange(key, Duration.ofMillis(20));
            }
            assertThat(a.listening()).isTrue();
            Lease held = b.tryLease(key, Duration.ofSeconds(30)).orElseThrow();
            CompletableFuture<Void> woken = Waiter.start(a, key, Duration.ofSeconds(10));
            held.release();
            woken.get(1, TimeUnit.SECONDS);

            try (RedisTokenStore outside = server.store().username("azidapp").password(ACL_PASSWORD.toCharArray())
                    .keyPrefix("other:").build()) {
                assertThatThrownBy(() -> outside.get(KEY)).isInstanceOf(IOException.class).hasMessageContaining("NOPERM");
            }
            try (RedisTokenStore wrong = server.store().username("azidapp").password("nope-Pw-1234".toCharArray()).build()) {
                IOException e = (IOException) org.assertj.core.api.Assertions.catchThrowable(() -> wrong.get(KEY));
                assertThat(e).isInstanceOf(IOException.class);
                Leaks.assertNone(e, logs, ACL_PASSWORD, "nope-Pw-1234");
            }
            logs.assertNoSecrets(ACL_PASSWORD);
        }
    }
}
