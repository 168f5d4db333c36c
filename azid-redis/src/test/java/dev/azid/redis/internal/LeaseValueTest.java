package dev.azid.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a Redis lease value says of its holder. */
class LeaseValueTest {

    @Test
    void thisProcess_namesThePid_andAHostNameOnly() {
        String self = LeaseValue.thisProcess(Environment.of(Map.of("HOSTNAME", "pod-5f7c")));
        assertThat(self).matches("pid " + ProcessHandle.current().pid() + "( on [A-Za-z0-9._-]{1,64})?");
    }

    @Test
    void clean_refusesWhatIsNoHostName() {
        assertThat(LeaseValue.clean(" web-7.internal\n")).hasValue("web-7.internal");
        assertThat(LeaseValue.clean("a b")).isEmpty();
        assertThat(LeaseValue.clean("h".repeat(65))).isEmpty();
        assertThat(LeaseValue.clean("")).isEmpty();
    }

    @Test
    void description_ofNewAndOlderValues_printableAndBounded() {
        assertThat(LeaseValue.description("00ff pid 7 on h")).isEqualTo("pid 7 on h");
        assertThat(LeaseValue.description("00ff")).isEqualTo(LeaseValue.OLDER_HOLDER);
        assertThat(LeaseValue.description("00ff   ")).isEqualTo(LeaseValue.OLDER_HOLDER);
        assertThat(LeaseValue.description("00ff pid 1\u0007\u00e9")).isEqualTo("pid 1??");
        assertThat(LeaseValue.description("00ff " + "x".repeat(300))).hasSize(128);
    }
}
