package dev.azid.internal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.AccessToken;
import dev.azid.SharedTokenStore;
import dev.azid.internal.cache.CacheKey;
import dev.azid.internal.io.BoundedFileReader;
import dev.azid.test.LogCapture;
import dev.azid.test.ForwardingStore;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shared level's lease renewal over the file store, in real time: slow holders, dead holders, failing renewals. */
@Timeout(60)
class SharedTierLeaseTest {

    private static final String SECRET_TOKEN = "eyJ0eXAiOiJKV1QifQ.renewed-lease-secret.sig";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    Path dir;

    private final byte[] appKey = new byte[32];
    private final CacheKey key = new CacheKey("ClientSecretCredential|login.example|client-1|fp", "tenant-1",
            List.of("https://vault.example/.default"), false);

    SharedTierLeaseTest() {
        new SecureRandom().nextBytes(appKey);
    }

    private TokenFiles files() {
        return new TokenFiles(dir.resolve("tokens"), Clock.systemUTC(), BoundedFileReader.system());
    }

    @Test
    void fetch_holderSlowerThanSeveralLeaseDurations_keepsItsLease_waitersGetItsToken_oneFetch() throws Exception {
        // One store instance: a JVM's threads must share one per directory (file locks are per JVM).
        LeaseScenarios.slowHolder_isWaitedFor_oneFetch(Collections.nCopies(4, files()), appKey);
        assertThat(logs.lines()).noneMatch(l -> l.startsWith("WARN") || l.startsWith("ERROR"));
    }

    @Test
    void fetch_holderDied_exactlyOneWaiterTakesOverWhenItsLeaseExpires() throws Exception {
        LeaseScenarios.deadHolder_exactlyOneWaiterTakesOver(Collections.nCopies(4, files()), appKey);
        assertThat(logs.lines()).noneMatch(l -> l.startsWith("WARN") || l.startsWith("ERROR"));
    }

    @Test
    void fetch_renewalFails_isAStoreFailure_theTokenIsStillFetchedStoredAndTheLeaseReleased() throws Exception {
        AtomicInteger renewals = new AtomicInteger();
        CountDownLatch afterFailures = new CountDownLatch(1);
        TokenFiles files = files();
        SharedTokenStore store = new ForwardingStore(files) {
            @Override
            protected boolean renew(Lease lease, Duration duration) throws IOException {
                // The first two fail; later ones, which may come after the put, work: one outage, one warning.
                if (renewals.incrementAndGet() <= 2) {
                    throw new IOException("the disk is full");
                }
                // Runs of one renewal never overlap: the third comes after the second failure was recorded.
                afterFailures.countDown();
                return lease.renew(duration);
            }
        };
        // 30 ms leases: renewed every 10 ms.
        SharedTokens shared = new SharedTokens(store, appKey, Duration.ofMillis(30), Duration.ofSeconds(5), null);
        AccessToken token = shared.level("TestCredential", Clock.systemUTC(), false).fetch(key, () -> {
            try {
                assertThat(afterFailures.await(20, TimeUnit.SECONDS)).as("renewals went on after failures").isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return AccessToken.of(SECRET_TOKEN, Instant.now().plus(Duration.ofHours(1)));
        });
        assertThat(token.token()).isEqualTo(SECRET_TOKEN);
        assertThat(shared.renewals().renewing()).isZero();
        assertThat(files.leaseHolder(shared.name(key))).as("released").isEmpty();
        assertThat(files.get(shared.name(key))).isPresent();
        assertThat(logs.lines()).filteredOn(l -> l.startsWith("WARN")).hasSize(1).first().asString()
                .contains("TestCredential: the shared token cache FileSharedTokenStore[")
                .contains("failed (IOException: the disk is full)");
        logs.assertNoSecrets(SECRET_TOKEN, "renewed-lease-secret");
    }

    @Test
    void fetch_storeCannotRenew_fetchesOnce_andStopsAskingToRenew() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        CountDownLatch refused = new CountDownLatch(1);
        SharedTokenStore store = new ForwardingStore(files()) {
            @Override
            protected boolean renew(Lease lease, Duration duration) {
                asked.incrementAndGet();
                refused.countDown();
                return false;
            }
        };
        SharedTokens shared = new SharedTokens(store, appKey, Duration.ofMillis(30), Duration.ofSeconds(5), null);
        AccessToken token = shared.level("TestCredential", Clock.systemUTC(), false).fetch(key, () -> {
            try {
                assertThat(refused.await(20, TimeUnit.SECONDS)).isTrue();
                // Not synchronisation: a window of ten renewal periods in which no renewal may be asked for.
                assertThat(new CountDownLatch(1).await(100, TimeUnit.MILLISECONDS)).isFalse();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return AccessToken.of("t", Instant.now().plus(Duration.ofHours(1)));
        });
        assertThat(token.token()).isEqualTo("t");
        assertThat(asked).as("a refused renewal ends the renewals").hasValue(1);
        assertThat(logs.lines()).noneMatch(l -> l.startsWith("WARN"));
    }

    @Test
    void fetch_waiterGivesUp_logsWhoHeldTheLease() throws Exception {
        TokenFiles files = files();
        SharedTokens shared = new SharedTokens(files, appKey, Duration.ofSeconds(30), Duration.ofMillis(50), null);
        SharedTokenStore.Lease other = files.tryLease(shared.name(key), Duration.ofSeconds(30)).orElseThrow();
        AccessToken mine = shared.level("TestCredential", Clock.systemUTC(), false)
                .fetch(key, () -> AccessToken.of("mine", Instant.now().plus(Duration.ofHours(1))));
        assertThat(mine.token()).isEqualTo("mine");
        assertThat(logs.all()).containsPattern("TestCredential: no token from the lease holder \\(pid "
                + ProcessHandle.current().pid() + "( on [A-Za-z0-9._-]+)?, lease until [0-9T:.-]+Z\\) within 50 ms");
        other.release();
    }

    @Test
    void fetch_releaseGoesUnheard_waiterLooksAgainWithinALeaseDuration_noFetch() throws Exception {
        TokenFiles files = files();
        // A store that misses every change: each wait lasts as long as it may.
        SharedTokenStore deaf = new ForwardingStore(files) {
            @Override
            public void awaitChange(String k, Duration maxWait) throws InterruptedException {
                Thread.sleep(maxWait.toMillis());
            }
        };
        SharedTokens shared = new SharedTokens(deaf, appKey, Duration.ofMillis(300), Duration.ofSeconds(30), null);
        String name = shared.name(key);
        SharedTokenStore.Lease holder = files.tryLease(name, Duration.ofSeconds(30)).orElseThrow();
        AccessToken theirs = AccessToken.of(SECRET_TOKEN, Instant.now().plus(Duration.ofHours(1)));
        Thread other = new Thread(() -> {
            try {
                Thread.sleep(200);
                files.put(name, shared.seal().seal(name, theirs), theirs.expiresAt());
                holder.release();
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        AtomicInteger fetches = new AtomicInteger();
        long start = System.nanoTime();
        other.start();
        AccessToken got = shared.level("TestCredential", Clock.systemUTC(), false).fetch(key, () -> {
            fetches.incrementAndGet();
            return AccessToken.of("mine", Instant.now().plus(Duration.ofHours(1)));
        });
        other.join();
        assertThat(got.token()).isEqualTo(SECRET_TOKEN);
        assertThat(fetches).hasValue(0);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("well before the 30 s wait ends")
                .isLessThan(Duration.ofSeconds(10));
    }
}
