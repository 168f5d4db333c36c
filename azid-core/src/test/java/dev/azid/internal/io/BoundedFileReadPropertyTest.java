package dev.azid.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * For any content and any cap, a bounded read returns exactly the content when it fits and refuses
 * it otherwise, never holding more than the cap: through real files, and through channels whose
 * reported size is wrong (a file that grows or shrinks after its size was read).
 */
class BoundedFileReadPropertyTest {

    private static Path dir;

    /** Content, and a cap within a few bytes of its size (or anywhere below 2 KiB). */
    record Case(byte[] content, int cap) {
    }

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("azid-bounded-read");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            files.forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.delete(dir);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<byte[]> content = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(20_000);
        return content.flatMap(c -> Arbitraries.oneOf(Arbitraries.integers().between(Math.max(0, c.length - 3), c.length + 3),
                Arbitraries.integers().between(0, 2048)).map(cap -> new Case(c, cap)));
    }

    @Provide
    Arbitrary<Long> hints() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 40_000), Arbitraries.just(0L),
                Arbitraries.just(Long.MAX_VALUE / 2));
    }

    @Property(tries = 150)
    void fileRead_returnsExactlyTheContentWhenItFits_elseRefusesNamingTheCap(@ForAll("cases") Case c) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "f", ".bin"), c.content());
        FileLimit limit = new FileLimit("test files", c.cap(), true);
        try {
            if (c.content().length <= c.cap()) {
                assertThat(BoundedFileReader.system().read(file, limit)).isEqualTo(c.content());
            } else {
                assertThatThrownBy(() -> BoundedFileReader.system().read(file, limit))
                        .isInstanceOf(FileRefusedException.class).hasMessageContaining("is larger than " + limit.describeCap());
            }
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 300)
    void cappedRead_ignoresAWrongSizeHint_andNeverReturnsMoreThanTheCap(@ForAll("cases") Case c, @ForAll("hints") long hint)
            throws IOException {
        FileLimit limit = new FileLimit("test files", c.cap(), true);
        Path name = Path.of("growing");
        if (c.content().length <= c.cap()) {
            byte[] read = CappedRead.read(Channels.newChannel(new ByteArrayInputStream(c.content())), hint, name, limit);
            assertThat(read).isEqualTo(c.content()).hasSizeLessThanOrEqualTo(c.cap());
        } else {
            assertThatThrownBy(() -> CappedRead.read(Channels.newChannel(new ByteArrayInputStream(c.content())), hint, name,
                    limit)).isInstanceOf(FileRefusedException.class).hasMessageContaining("the limit for test files");
        }
    }

    @Property(tries = 100)
    void cappedRead_ofAnEndlessStream_stopsOneBytePastTheCap(@ForAll("caps") int cap) {
        long[] served = {0};
        java.nio.channels.ReadableByteChannel endless = new java.nio.channels.ReadableByteChannel() {
            @Override
            public int read(java.nio.ByteBuffer dst) {
                int n = dst.remaining();
                dst.position(dst.limit());
                served[0] += n;
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        FileLimit limit = new FileLimit("test files", cap, true);
        assertThatThrownBy(() -> CappedRead.read(endless, 0, Path.of("zero"), limit)).isInstanceOf(FileRefusedException.class);
        assertThat(served[0]).isEqualTo(cap + 1L);
    }

    @Provide
    Arbitrary<Integer> caps() {
        return Arbitraries.integers().between(0, 3 * 1024 * 1024);
    }
}
