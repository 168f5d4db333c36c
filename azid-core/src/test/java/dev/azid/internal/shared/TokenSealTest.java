package dev.azid.internal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.AccessToken;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sealing and naming with reused cipher and MAC instances: many threads at once, and after a refused entry. */
@Timeout(30)
class TokenSealTest {

    private static final Instant EXPIRES = Instant.parse("2026-11-24T11:00:00Z");
    // Beyond an int, as every expiry in milliseconds is.
    private static final Instant REFRESH = Instant.ofEpochMilli(1_795_000_000_123L);
    private static final int THREADS = 16;

    private final TokenSeal seal;

    TokenSealTest() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        seal = new TokenSeal(key);
    }

    private static AccessToken token(String value) {
        return new AccessToken(value, EXPIRES, REFRESH, "Bearer");
    }

    @Test
    void open_sealedToken_everyFieldBackExactly() throws Exception {
        String name = seal.name("azid-shared-token-v1|one");

        AccessToken back = seal.open(name, seal.seal(name, token("eyJ.value.sig")));

        assertThat(back).isEqualTo(token("eyJ.value.sig"));
        assertThat(back.refreshAt().toEpochMilli()).isEqualTo(1_795_000_000_123L);
    }

    @Test
    void sealAndOpen_sixteenThreadsAtOnce_everyThreadGetsItsOwnTokenBack() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    int ok = 0;
                    for (int i = 0; i < 300; i++) {
                        String name = seal.name("azid-shared-token-v1|" + thread + "|" + i);
                        AccessToken mine = token("token-" + thread + "-" + i);
                        if (seal.open(name, seal.seal(name, mine)).equals(mine)) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            go.countDown();
            for (Future<Integer> f : done) {
                assertThat(f.get(20, TimeUnit.SECONDS)).as("round trips intact in one thread").isEqualTo(300);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void name_manyThreadsAtOnce_sameNameAsComputedAlone() throws Exception {
        String expected = seal.name("azid-shared-token-v1|same");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    boolean same = true;
                    for (int i = 0; i < 500; i++) {
                        same &= seal.name("azid-shared-token-v1|same").equals(expected)
                                && seal.name("azid-shared-token-v1|other-" + i).length() == 64;
                    }
                    return same;
                }));
            }
            go.countDown();
            for (Future<Boolean> f : done) {
                assertThat(f.get(20, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void open_afterTamperedAndMovedEntriesWereRefused_goodEntriesStillOpen() throws Exception {
        String name = seal.name("azid-shared-token-v1|a");
        String other = seal.name("azid-shared-token-v1|b");
        byte[] sealed = seal.seal(name, token("good"));
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> seal.open(name, tampered)).isInstanceOf(GeneralSecurityException.class);
            assertThatThrownBy(() -> seal.open(other, sealed)).as("moved to another key").isInstanceOf(GeneralSecurityException.class);
            assertThat(seal.open(name, sealed)).isEqualTo(token("good"));
            assertThat(seal.open(name, seal.seal(name, token("fresh-" + i)))).isEqualTo(token("fresh-" + i));
        }
    }
}
