package dev.azid.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.azid.test.gen.Gen;
import dev.azid.test.gen.Gens;
import dev.azid.test.gen.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For any content and any cap, a bounded read returns exactly the content when it fits and refuses
 * it otherwise, never holding more than the cap: through real files, and through channels whose
 * reported size is wrong (a file that grows or shrinks after its size was read).
 */
class BoundedFileReadPropertyTest {

    private static Path dir;

    /** Content, and a cap within a few bytes of its size (or anywhere below 2 KiB). */
    record Case(byte[] content, int cap) {
        @Override
        public String toString() {
            return "Case[" + content.length + " bytes, cap " + cap + "]";
        }
    }

    /** A case and the size hint given with it. */
    record HintedCase(Case c, long hint) {
    }

    @BeforeAll
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("azid-bounded-read");
    }

    @AfterAll
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

    private static Gen<Case> cases() {
        Gen<byte[]> content = Gens.byteArrays().ofMinSize(0).ofMaxSize(20_000);
        return content.flatMap(c -> Gens.oneOf(Gens.integers(Math.max(0, c.length - 3), c.length + 3),
                Gens.integers(0, 2048)).map(cap -> new Case(c, cap)));
    }

    private static Gen<Long> hints() {
        return Gens.oneOf(Gens.longs(0, 40_000), Gens.just(0L), Gens.just(Long.MAX_VALUE / 2));
    }

    @Test
    void fileRead_returnsExactlyTheContentWhenItFits_elseRefusesNamingTheCap() {
        Property.forAll(150, cases(), c -> {
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
        });
    }

    @Test
    void cappedRead_ignoresAWrongSizeHint_andNeverReturnsMoreThanTheCap() {
        Property.forAll(300, Gens.combine(cases(), hints()).as(HintedCase::new), t -> {
            Case c = t.c();
            long hint = t.hint();
            FileLimit limit = new FileLimit("test files", c.cap(), true);
            Path name = Path.of("growing");
            if (c.content().length <= c.cap()) {
                byte[] read = CappedRead.read(Channels.newChannel(new ByteArrayInputStream(c.content())), hint, name, limit);
                assertThat(read).isEqualTo(c.content()).hasSizeLessThanOrEqualTo(c.cap());
            } else {
                assertThatThrownBy(() -> CappedRead.read(Channels.newChannel(new ByteArrayInputStream(c.content())), hint, name,
                        limit)).isInstanceOf(FileRefusedException.class).hasMessageContaining("the limit for test files");
            }
        });
    }

    @Test
    void cappedRead_ofAnEndlessStream_stopsOneBytePastTheCap() {
        Property.forAll(100, caps(), cap -> {
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
        });
    }

    private static Gen<Integer> caps() {
        return Gens.integers(0, 3 * 1024 * 1024);
    }
}
