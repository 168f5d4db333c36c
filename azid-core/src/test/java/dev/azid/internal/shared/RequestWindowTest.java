package dev.azid.internal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The limiter's request file: what counts against the limit, and for how long. */
class RequestWindowTest {

    private static final long NOW = 1_800_000_000_000L;

    @Test
    void parse_inFlightRequests_countUntilStale_endedOnesForOneWindow() {
        String text = (NOW - 5_000) + " 0 a\n"                       // in flight for 5 s: counts
                + (NOW - RequestWindow.STALE_MILLIS - 1) + " 0 b\n"  // its process died: no longer counts
                + (NOW - 3_000) + " " + (NOW - 500) + " c\n"          // ended 0.5 s ago: counts
                + (NOW - 3_000) + " " + (NOW - 1_100) + " d\n"        // ended a window ago: no longer counts
                + (NOW - 200) + "\n"                                  // an older azid's start line
                + "garbage\n\n";
        RequestWindow w = RequestWindow.parse(text, NOW, 1_100);
        assertThat(w.size()).isEqualTo(3);
        assertThat(w.text()).contains(" a\n", " c\n").doesNotContain(" b\n", " d\n");
    }

    @Test
    void end_marksTheRequest_whichThenCountsOneWindowMore() {
        RequestWindow w = RequestWindow.parse("", NOW, 1_100);
        w.start(NOW, 0xabcL);
        assertThat(w.waitMillis(NOW, 20)).as("in flight: poll").isEqualTo(20);
        w.end(0xabcL, NOW + 300);
        assertThat(w.waitMillis(NOW + 300, 20)).as("ended: looked at again after at most ten polls").isEqualTo(200);
        RequestWindow later = RequestWindow.parse(w.text(), NOW + 300 + 1_099, 1_100);
        assertThat(later.size()).isEqualTo(1);
        assertThat(RequestWindow.parse(w.text(), NOW + 300 + 1_100, 1_100).size()).isZero();
    }
}
