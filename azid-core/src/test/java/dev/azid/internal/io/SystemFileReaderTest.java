package dev.azid.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.HostileFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file-reading seam itself: what it refuses, its caps, and the check-then-open race. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SystemFileReaderTest {

    private static final FileLimit SMALL = new FileLimit("test files", 100, true);
    private static final FileLimit NO_LINKS = new FileLimit("test files", 100, false);

    @TempDir
    Path dir;

    private final BoundedFileReader reader = BoundedFileReader.system();
    private final List<Path> fifosToRelease = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void unixOnly() {
        HostileFiles.assumeUnix();
    }

    @AfterEach
    void releaseStuckOpens() throws IOException {
        // A worker blocked opening a pipe for reading returns once a writer opens it.
        for (Path fifo : fifosToRelease) {
            FileChannel.open(fifo, StandardOpenOption.WRITE).close();
        }
    }

    @Test
    void read_regularFileAtCap_returnsExactBytes_oneByteOverIsRefusedNamingCap() throws Exception {
        Path at = HostileFiles.padded(dir.resolve("at"), "abc".getBytes(StandardCharsets.US_ASCII), (byte) 'x', 100);
        assertThat(reader.read(at, SMALL)).hasSize(100).startsWith((byte) 'a', (byte) 'b', (byte) 'c');
        Path over = HostileFiles.padded(dir.resolve("over"), new byte[0], (byte) 'x', 101);
        assertThatThrownBy(() -> reader.read(over, SMALL)).isInstanceOf(FileRefusedException.class)
                .hasMessage(over + " is larger than 100 bytes, the limit for test files");
    }

    @Test
    void read_sparseFileOfManyGigabytes_isRefusedWithoutReadingIt() throws Exception {
        Path huge = HostileFiles.sparse(dir.resolve("huge"), 8L << 30);
        assertThatThrownBy(() -> reader.read(huge, FileLimit.CERTIFICATE)).isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("is larger than 1 MiB, the limit for certificate files");
    }

    @Test
    void read_pipeDevicesAndDirectory_areRefusedAsNotRegular() throws Exception {
        Path fifo = HostileFiles.fifo(dir.resolve("pipe"));
        for (Path p : List.of(fifo, HostileFiles.DEV_ZERO, HostileFiles.DEV_URANDOM)) {
            assertThatThrownBy(() -> reader.read(p, SMALL)).isInstanceOf(FileRefusedException.class)
                    .hasMessage(p + " is not a regular file (it is a named pipe, device or socket); test files must be "
                            + "regular files");
        }
        assertThatThrownBy(() -> reader.read(dir, SMALL)).isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("(it is a directory)");
    }

    @Test
    void read_symbolicLinks_followedToRegularFilesOnly_andNeverWhenTheLimitSaysNo() throws Exception {
        Path target = Files.writeString(dir.resolve("target"), "content");
        Path link = HostileFiles.link(dir.resolve("link"), target);
        assertThat(new String(reader.read(link, SMALL), StandardCharsets.UTF_8)).isEqualTo("content");
        assertThatThrownBy(() -> reader.read(link, NO_LINKS)).isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("(it is a symbolic link)");
        Path toFifo = HostileFiles.link(dir.resolve("to-fifo"), HostileFiles.fifo(dir.resolve("pipe")));
        Path toZero = HostileFiles.link(dir.resolve("to-zero"), HostileFiles.DEV_ZERO);
        for (Path p : List.of(toFifo, toZero)) {
            assertThatThrownBy(() -> reader.read(p, SMALL)).isInstanceOf(FileRefusedException.class)
                    .hasMessageContaining("is not a regular file");
        }
    }

    @Test
    void read_missingFile_isTheFileSystemsOwnException() {
        assertThatThrownBy(() -> reader.read(dir.resolve("nope"), SMALL)).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void read_pipeSwappedInBetweenCheckAndOpen_failsAtTheTimeoutInsteadOfBlocking() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "t");
        CountDownLatch opening = new CountDownLatch(1);
        SystemFileReader racing = new SystemFileReader(Duration.ofMillis(300), (path, options) -> {
            swapToFifo(path);
            opening.countDown();
            return FileChannel.open(path, options);
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> racing.read(file, SMALL)).isInstanceOf(FileRefusedException.class)
                .hasMessageContaining(file + " could not be read within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(opening.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void read_whileEveryWorkerIsStuck_otherReadsFailInBoundedTime_thenWorkAgainOnceReleased() throws Exception {
        Path regular = Files.writeString(dir.resolve("regular"), "fine");
        CountDownLatch stuck = new CountDownLatch(SystemFileReader.MAX_WORKERS);
        SystemFileReader racing = new SystemFileReader(Duration.ofMillis(500), (path, options) -> {
            if (path.getFileName().toString().startsWith("swap")) {
                swapToFifo(path);
                stuck.countDown();
            }
            return FileChannel.open(path, options);
        });
        ExecutorService callers = Executors.newFixedThreadPool(SystemFileReader.MAX_WORKERS);
        try {
            List<CompletableFuture<Throwable>> results = new ArrayList<>();
            for (int i = 0; i < SystemFileReader.MAX_WORKERS; i++) {
                Path p = Files.writeString(dir.resolve("swap" + i), "x");
                results.add(CompletableFuture.supplyAsync(() -> failure(racing, p), callers));
            }
            assertThat(stuck.await(10, TimeUnit.SECONDS)).isTrue();
            for (CompletableFuture<Throwable> r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS)).isInstanceOf(FileRefusedException.class)
                        .hasMessageContaining("could not be read within 500 ms");
            }
            assertThat(failure(racing, regular)).as("queued behind stuck workers, yet bounded")
                    .isInstanceOf(FileRefusedException.class).hasMessageContaining("could not be read within");
        } finally {
            callers.shutdownNow();
        }
        releaseStuckOpens();
        fifosToRelease.clear();
        assertThat(new String(racing.read(regular, SMALL), StandardCharsets.UTF_8)).isEqualTo("fine");
    }

    @Test
    void read_fileReplacedBetweenCheckAndOpen_isReadAgain_andRefusedIfItKeepsChanging() throws Exception {
        Path file = Files.writeString(dir.resolve("cert"), "first");
        AtomicInteger opens = new AtomicInteger();
        SystemFileReader once = new SystemFileReader(Duration.ofSeconds(5), (path, options) -> {
            if (opens.getAndIncrement() == 0) {
                replace(path, "second");
            }
            return FileChannel.open(path, options);
        });
        assertThat(new String(once.read(file, SMALL), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(opens).hasValue(2);
        SystemFileReader always = new SystemFileReader(Duration.ofSeconds(5), (path, options) -> {
            replace(path, "again " + opens.incrementAndGet());
            return FileChannel.open(path, options);
        });
        assertThatThrownBy(() -> always.read(file, SMALL)).isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("was replaced each time it was opened");
    }

    @Test
    void describeCap_usesMibKibOrBytes() {
        assertThat(FileLimit.CERTIFICATE.describeCap()).isEqualTo("1 MiB");
        assertThat(FileLimit.FEDERATED_TOKEN.describeCap()).isEqualTo("64 KiB");
        assertThat(FileLimit.ARC_KEY.describeCap()).isEqualTo("4096 bytes");
        assertThat(FileLimit.TOKEN_CACHE.describeCap()).isEqualTo("8 MiB");
        assertThatThrownBy(() -> new FileLimit("x", -1, true)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Throwable failure(BoundedFileReader r, Path p) {
        try {
            r.read(p, SMALL);
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private void swapToFifo(Path path) throws IOException {
        Files.delete(path);
        try {
            HostileFiles.fifo(path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        fifosToRelease.add(path);
    }

    private void replace(Path path, String content) throws IOException {
        Path next = Files.writeString(dir.resolve("next"), content);
        Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
