package dev.azid.internal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pause after a shared-store failure grows once per retry round, not once per failed call. */
class StoreHealthTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final StoreHealth health = new StoreHealth("TestStore", now::get);

    @Test
    void failed_manyCallsInOnePause_pauseGrowsOnce() {
        for (int i = 0; i < 10; i++) {
            health.failed("TestCredential", new IOException("down"));
        }
        assertThat(health.isDown()).isTrue();
        now.addAndGet(4 * SECOND);
        assertThat(health.worthAsking()).isFalse();
        now.addAndGet(SECOND);
        assertThat(health.worthAsking()).isTrue();
    }

    @Test
    void failed_againAfterThePause_doublesIt() {
        health.failed("TestCredential", new IOException("down"));
        now.addAndGet(5 * SECOND);
        health.failed("TestCredential", new IOException("still down"));
        now.addAndGet(9 * SECOND);
        assertThat(health.worthAsking()).isFalse();
        now.addAndGet(SECOND);
        assertThat(health.worthAsking()).isTrue();
    }

    @Test
    void succeeded_afterAnOutage_resetsThePause() {
        health.failed("TestCredential", new IOException("down"));
        now.addAndGet(5 * SECOND);
        health.succeeded();
        assertThat(health.isDown()).isFalse();
        health.failed("TestCredential", new IOException("down again"));
        now.addAndGet(5 * SECOND);
        assertThat(health.worthAsking()).isTrue();
    }
}
