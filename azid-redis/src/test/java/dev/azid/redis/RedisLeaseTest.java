package dev.azid.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.SharedTokenStore;
import dev.azid.SharedTokenStore.Lease;
import dev.azid.SharedTokenStore.LeaseHolder;
import dev.azid.internal.shared.LeaseScenarios;
import dev.azid.test.LogCapture;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/** Redis leases on a real redis-server: renewal by the holder only, who holds them, and the lease protocol with renewal. */
@Timeout(60)
class RedisLeaseTest extends TwoStores {

    private static final String PID = "pid " + ProcessHandle.current().pid();

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private RedisTokenStore c;

    @BeforeAll
    void startThirdStore() throws Exception {
        c = server.store().build();
    }

    @AfterAll
    void stopThirdStore() throws Exception {
        c.close();
    }

    @Test
    void renew_byTheHolder_extendsTheLeaseKeepingItsValue() throws Exception {
        String key = key();
        Lease lease = a.tryLease(key, Duration.ofSeconds(2)).orElseThrow();
        try (Jedis j = raw()) {
            String value = j.get("azid:" + key + ":lease");
            assertThat(value).matches("[0-9a-f]{32} " + PID + "( on [A-Za-z0-9._-]{1,64})?");
            assertThat(lease.renew(Duration.ofSeconds(30))).isTrue();
            assertThat(j.pttl("azid:" + key + ":lease")).isBetween(20_000L, 30_000L);
            assertThat(j.get("azid:" + key + ":lease")).isEqualTo(value);
            assertThat(lease.toString()).doesNotContain(value.substring(0, 32));
        }
        assertThat(b.tryLease(key, Duration.ofSeconds(30))).isEmpty();
        lease.release();
    }

    @Test
    void renew_byAHolderWhoseLeaseExpiredAndWasTaken_isRefused_andLeavesTheNewHolderAlone() throws Exception {
        String key = key();
        Lease old = a.tryLease(key, Duration.ofSeconds(30)).orElseThrow();
        try (Jedis j = raw()) {
            // As if it had expired.
            j.del("azid:" + key + ":lease");
            assertThat(old.renew(Duration.ofSeconds(30))).as("expired, nobody took it yet").isFalse();
            assertThat(j.exists("azid:" + key + ":lease")).as("not brought back").isFalse();
            Lease next = b.tryLease(key, Duration.ofSeconds(5)).orElseThrow();
            assertThat(old.renew(Duration.ofSeconds(30))).isFalse();
            assertThat(j.pttl("azid:" + key + ":lease")).isBetween(1L, 5_000L);
            assertThat(next.renew(Duration.ofSeconds(20))).isTrue();
            next.release();
            assertThat(next.renew(Duration.ofSeconds(20))).as("after its release").isFalse();
            assertThat(j.exists("azid:" + key + ":lease")).isFalse();
        }
    }

    @Test
    void leaseHolder_namesTheHolderAndTheExpiry_emptyWhenFree() throws Exception {
        String key = key();
        assertThat(b.leaseHolder(key)).isEmpty();
        Lease lease = a.tryLease(key, Duration.ofSeconds(30)).orElseThrow();
        LeaseHolder holder = b.leaseHolder(key).orElseThrow();
        assertThat(holder.description()).matches(PID + "( on [A-Za-z0-9._-]{1,64})?");
        assertThat(holder.expiresAt()).isBetween(Instant.now().plusSeconds(25), Instant.now().plusSeconds(31));
        lease.release();
        assertThat(b.leaseHolder(key)).isEmpty();
    }

    @Test
    void leaseHolder_valuesOfOlderVersionsOrOthers_areShownSafely() throws Exception {
        String key = key();
        String lease = "azid:" + key + ":lease";
        try (Jedis j = raw()) {
            j.set(lease, "00112233445566778899aabbccddeeff", SetParams.setParams().px(5_000));
            assertThat(a.leaseHolder(key)).map(LeaseHolder::description).hasValue("unknown (an older azid)");
            j.set(lease, "00ff pid 9 on h\u001b[2J");
            assertThat(a.leaseHolder(key)).hasValueSatisfying(h -> {
                assertThat(h.description()).isEqualTo("pid 9 on h?[2J");
                assertThat(h.expiresAt()).as("set without an expiry: never ends").isEqualTo(Instant.MAX);
            });
            j.set(lease, "x".repeat(2_000));
            assertThatThrownBy(() -> a.leaseHolder(key)).isInstanceOf(IOException.class)
                    .hasMessageContaining("is not one azid wrote");
            j.del(lease);
        }
    }

    @Test
    void sharedTier_holderSlowerThanSeveralLeaseDurations_isWaitedFor_oneFetch() throws Exception {
        List<SharedTokenStore> stores = List.of(a, b, c);
        LeaseScenarios.slowHolder_isWaitedFor_oneFetch(stores, appKey());
        assertThat(logs.lines()).noneMatch(l -> l.startsWith("WARN") || l.startsWith("ERROR"));
    }

    @Test
    void sharedTier_holderDied_exactlyOneWaiterTakesOverWhenItsLeaseExpires() throws Exception {
        LeaseScenarios.deadHolder_exactlyOneWaiterTakesOver(List.of(a, b, c), appKey());
        assertThat(logs.lines()).noneMatch(l -> l.startsWith("WARN") || l.startsWith("ERROR"));
    }

    private static byte[] appKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
