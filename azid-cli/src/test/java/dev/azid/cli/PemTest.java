package dev.azid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ca-file} naming a pipe, a device, a directory or an oversize file: refused in bounded time. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PemTest {

    @TempDir
    Path dir;

    @Test
    void trusting_pipeDeviceOrDirectory_isRefusedAsNotRegular_insteadOfBlocking() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero and mkfifo");
        Path fifo = dir.resolve("ca.pem");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        for (Path p : new Path[] {fifo, Path.of("/dev/zero"), dir}) {
            assertThatThrownBy(() -> Pem.trusting(p)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--ca-file " + p + " is not a regular file")
                    .hasMessageContaining("CA certificate files must be regular files");
        }
        Cli cli = Cli.run(Map.of(), "cloud", "discover", "https://127.0.0.1:1/", "--ca-file", fifo.toString());
        assertThat(cli.code).isNotZero();
        assertThat(cli.err()).contains(fifo + " is not a regular file");
    }

    @Test
    void trusting_sparseFileOverTheCap_isRefusedNamingIt() throws Exception {
        Path huge = dir.resolve("huge.pem");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(1L << 30);
        }
        assertThatThrownBy(() -> Pem.trusting(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--ca-file " + huge + " is larger than 1 MiB, the limit for CA certificate files");
    }
}
