package dev.azid.internal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.Environment;
import dev.azid.internal.io.BoundedFileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a lease holder says of itself, and the file store's lease records, old and new. */
class HolderDescriptionTest {

    private static final BoundedFileReader NO_PROC = (path, limit) -> {
        throw new NoSuchFileException(path.toString());
    };

    private static BoundedFileReader kernelSays(String name) {
        return (path, limit) -> {
            assertThat(path.toString()).isEqualTo("/proc/sys/kernel/hostname");
            return name.getBytes(StandardCharsets.US_ASCII);
        };
    }

    @Test
    void hostName_fromTheKernel_winsOverTheEnvironment() {
        assertThat(HolderDescription.hostName(kernelSays("web-7.internal\n"), Environment.of(Map.of("HOSTNAME", "other"))))
                .hasValue("web-7.internal");
        assertThat(HolderDescription.describe(42, Optional.of("web-7.internal"))).isEqualTo("pid 42 on web-7.internal");
    }

    @Test
    void hostName_withoutTheKernelFile_isComputerNameThenHostName() {
        assertThat(HolderDescription.hostName(NO_PROC, Environment.of(Map.of("COMPUTERNAME", "WIN-01", "HOSTNAME", "x"))))
                .hasValue("WIN-01");
        assertThat(HolderDescription.hostName(NO_PROC, Environment.of(Map.of("HOSTNAME", "pod-5f7c")))).hasValue("pod-5f7c");
        assertThat(HolderDescription.hostName(kernelSays(""), Environment.of(Map.of("HOSTNAME", "pod-5f7c"))))
                .hasValue("pod-5f7c");
    }

    @Test
    void hostName_thatIsNoHostName_isLeftOut_theDescriptionIsThePidAlone() {
        Environment junk = Environment.of(Map.of("COMPUTERNAME", "a b", "HOSTNAME", "h".repeat(65)));
        assertThat(HolderDescription.hostName(kernelSays("evil;rm -rf\n"), junk)).isEmpty();
        assertThat(HolderDescription.describe(42, Optional.empty())).isEqualTo("pid 42");
    }

    @Test
    void ofThisProcess_namesThisPid() {
        assertThat(HolderDescription.ofThisProcess(NO_PROC, Environment.of(Map.of())))
                .isEqualTo("pid " + ProcessHandle.current().pid());
    }

    @Test
    void sanitize_keepsPrintableAsciiOnly_atMost128Characters() {
        assertThat(HolderDescription.sanitize("pid 1 on h\u001b[31m\n")).isEqualTo("pid 1 on h?[31m?");
        assertThat(HolderDescription.sanitize("x".repeat(300))).hasSize(128);
        assertThat(HolderDescription.sanitize(" \t ")).isEqualTo("?");
        assertThat(HolderDescription.sanitize("   ")).isEqualTo("unknown");
    }

    @Test
    void leaseRecord_roundTrips_andOlderRecordsParse() {
        LeaseRecord record = new LeaseRecord("00ff", 1_700_000_000_000L, "pid 7 on h");
        assertThat(new String(record.bytes(), StandardCharsets.US_ASCII)).isEqualTo("00ff 1700000000000 pid 7 on h");
        assertThat(LeaseRecord.parse(record.bytes())).isEqualTo(record);
        assertThat(LeaseRecord.parse("00ff 1700000000000".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(new LeaseRecord("00ff", 1_700_000_000_000L, LeaseRecord.OLDER_HOLDER));
    }

    @Test
    void leaseRecord_malformed_isNoLease() {
        for (String bad : new String[] {"", "00ff", "00ff soon", " 1700000000000", "00ff 17e3 pid 1"}) {
            assertThat(LeaseRecord.parse(bad.getBytes(StandardCharsets.US_ASCII))).as(bad).isNull();
        }
    }
}
