package dev.azid.internal.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a channel to its end, or to one byte past the cap, whichever comes first. */
final class CappedRead {

    private static final int FIRST_BUFFER = 8192;

    private CappedRead() {
    }

    /**
     * Reads everything, trusting no size the file system reported: at most {@code cap + 1} bytes are
     * ever read, and the buffer grows only as data arrives.
     *
     * @param channel the open file
     * @param sizeHint the size the handle reported, used only to size the first buffer
     * @param path the file, for the refusal
     * @param limit the cap
     * @return exactly the bytes read
     * @throws FileRefusedException if there are more than {@code limit.maxBytes()} bytes
     * @throws IOException if reading fails
     */
    static byte[] read(ReadableByteChannel channel, long sizeHint, Path path, FileLimit limit) throws IOException {
        long most = (long) limit.maxBytes() + 1;
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(most, Math.max(FIRST_BUFFER, sizeHint + 1)));
        while (channel.read(buffer) != -1) {
            if (!buffer.hasRemaining()) {
                if (buffer.capacity() >= most) {
                    throw FileRefusedException.tooLarge(path, limit);
                }
                ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(most, 2L * buffer.capacity()));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
