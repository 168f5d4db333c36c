package dev.azid.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void remainingCountsDownAndStopsAtZero() {
        Deadline d = Deadline.after(Duration.ofMillis(50), now::get);
        assertThat(d.passed()).isFalse();
        assertThat(d.remaining()).isEqualTo(Duration.ofMillis(50));
        now.addAndGet(Duration.ofMillis(20).toNanos());
        assertThat(d.remainingMillis()).isEqualTo(30);
        now.addAndGet(Duration.ofMillis(30).toNanos());
        assertThat(d.passed()).as("exactly at the end is not past it").isFalse();
        assertThat(d.remaining()).isZero();
        now.incrementAndGet();
        assertThat(d.passed()).isTrue();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(d.remaining()).isZero();
        assertThat(d.remainingMillis()).isZero();
    }

    @Test
    void comparesAcrossTheNanoTimeOverflow() {
        now.set(Long.MAX_VALUE - Duration.ofMillis(10).toNanos());
        Deadline d = Deadline.after(Duration.ofMillis(20), now::get);
        now.addAndGet(Duration.ofMillis(15).toNanos());
        assertThat(d.passed()).as("the clock wrapped, the deadline is 5 ms ahead").isFalse();
        assertThat(d.remainingMillis()).isEqualTo(5);
        now.addAndGet(Duration.ofMillis(6).toNanos());
        assertThat(d.passed()).isTrue();
    }

    @Test
    void zeroWaitHasPassedAsSoonAsTimeMoves() {
        Deadline d = Deadline.after(Duration.ZERO, now::get);
        assertThat(d.remaining()).isZero();
        now.incrementAndGet();
        assertThat(d.passed()).isTrue();
    }

    @Test
    void systemClockDeadlineIsAheadAtFirst() {
        Deadline d = Deadline.after(Duration.ofMinutes(1));
        assertThat(d.passed()).isFalse();
        assertThat(d.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
    }
}
