package dev.azid.internal.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one way azid reads a file: certificates, federated token files, SDK auth files, Azure Arc
 * key files, the persistent token cache, and the CLI's CA file all come through here, so every read
 * is of a regular file, capped in size on the handle that is read, and bounded in time. Tests pass
 * fakes; production code uses {@link #system()}.
 */
@FunctionalInterface
public interface BoundedFileReader {

    /**
     * Reads a whole file.
     *
     * @param path the file
     * @param limit what kind of file it is: its size cap and whether a symbolic link is followed
     * @return the content, at most {@link FileLimit#maxBytes()} bytes
     * @throws FileRefusedException if it is not a regular file, is larger than the cap, changed while
     *     being opened, or could not be read in time; its {@link FileRefusedException#reason()} says which
     * @throws IOException if the file system refuses (for example {@link java.nio.file.NoSuchFileException}
     *     or {@link java.nio.file.AccessDeniedException})
     */
    byte[] read(Path path, FileLimit limit) throws IOException;

    /**
     * The JDK file system: at most four reads at a time, each waited for at most 10 s (see
     * {@code SystemFileReader} for why reads run on worker threads).
     *
     * @return the shared default reader
     */
    static BoundedFileReader system() {
        return SystemFileReader.shared();
    }
}
