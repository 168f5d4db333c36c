package dev.azid.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Makes the files a hostile directory could hold: named pipes (through {@code mkfifo}, Linux and
 * macOS), sparse files of any size (no gigabytes written), content padded to an exact size, and the
 * devices {@code /dev/zero} and {@code /dev/urandom}.
 */
public final class HostileFiles {

    /** Endless zeros. */
    public static final Path DEV_ZERO = Path.of("/dev/zero");

    /** Endless random bytes. */
    public static final Path DEV_URANDOM = Path.of("/dev/urandom");

    private HostileFiles() {
    }

    /**
     * Skips the test unless the devices exist and {@code mkfifo} works (Linux CI; not Windows).
     */
    public static void assumeUnix() {
        assumeTrue(Files.exists(DEV_ZERO) && Files.exists(DEV_URANDOM), "needs /dev/zero and /dev/urandom");
    }

    /**
     * Creates a named pipe; nothing ever writes to it, so opening it for reading blocks forever.
     *
     * @param path where
     * @return the path
     */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as("mkfifo " + path).isZero();
        assertThat(Files.isRegularFile(path)).isFalse();
        return path;
    }

    /**
     * Creates a sparse file of zeros: large in size, nothing on disk.
     *
     * @param path where
     * @param size its length
     * @return the path
     */
    public static Path sparse(Path path, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
            f.setLength(size);
        }
        return path;
    }

    /**
     * Writes content followed by {@code pad} bytes up to exactly {@code size} bytes.
     *
     * @param path where
     * @param content the meaningful start
     * @param pad the filler byte (a newline keeps PEM, JSON and properties valid)
     * @param size the exact file size
     * @return the path
     */
    public static Path padded(Path path, byte[] content, byte pad, int size) throws IOException {
        assertThat(content.length).isLessThanOrEqualTo(size);
        byte[] data = Arrays.copyOf(content, size);
        Arrays.fill(data, content.length, size, pad);
        Files.write(path, data);
        assertThat(Files.size(path)).isEqualTo(size);
        return path;
    }

    /**
     * Creates a symbolic link.
     *
     * @param link the link
     * @param target what it points at
     * @return the link
     */
    public static Path link(Path link, Path target) throws IOException {
        return Files.createSymbolicLink(link, target);
    }
}
