package dev.azid.internal.persistence;

import dev.azid.PersistentTokenStore;
import dev.azid.internal.io.BoundedFileReader;
import dev.azid.internal.io.FileLimit;
import dev.azid.internal.io.FileRefusedException;
import dev.azid.internal.shared.FileLocks;
import dev.azid.internal.util.Deadline;
import dev.azid.internal.util.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The cache file: directory 0700, file 0600 (on POSIX), each change made under an exclusive lock on
 * a sibling {@code .lock} file and written to a temporary file that is atomically renamed over the
 * cache, so readers never see half a file and concurrent processes never lose each other's writes.
 *
 * <p>The cache is read through {@link BoundedFileReader}: a regular file of at most 8 MiB
 * ({@link FileLimit#TOKEN_CACHE}); a larger document is never written. The lock file must be a
 * regular file too, since opening a named pipe there would block; the directory is private to the
 * user, so only the user could swap one in after that check.
 */
public final class FileTokenStore implements PersistentTokenStore {

    private static final java.time.Duration LOCK_WAIT = java.time.Duration.ofSeconds(30);
    private static final String LOCK_REMEDY = "the lock file of a token cache must be a regular file. Remove it";

    private final Path file;
    private final BoundedFileReader files;

    /**
     * Creates it. Touches nothing until used.
     *
     * @param file the cache file
     */
    public FileTokenStore(Path file) {
        this(file, BoundedFileReader.system());
    }

    /**
     * Creates it with the given reader. Touches nothing until used.
     *
     * @param file the cache file
     * @param files reads the cache file
     */
    public FileTokenStore(Path file, BoundedFileReader files) {
        this.file = file.toAbsolutePath();
        this.files = files;
    }

    /** @return the cache file */
    public Path file() {
        return file;
    }

    @Override
    public byte[] read() {
        return locked(this::current);
    }

    @Override
    public void update(UnaryOperator<byte[]> change) {
        locked(() -> {
            byte[] next = change.apply(current());
            if (next.length > FileLimit.TOKEN_CACHE.maxBytes()) {
                throw new IOException("the new content would be larger than " + FileLimit.TOKEN_CACHE.describeCap()
                        + ", the limit for " + FileLimit.TOKEN_CACHE.kind());
            }
            FileLocks.writeAtomically(file, next);
            return null;
        });
    }

    private byte[] current() throws IOException {
        try {
            return files.read(file, FileLimit.TOKEN_CACHE);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    private <T> T locked(FileLocks.Locked<T> action) {
        try {
            Path lock = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileLocks.open(lock, LOCK_REMEDY); FileLock ignored = lock(channel)) {
                return action.run();
            }
        } catch (FileRefusedException e) {
            throw new UncheckedIOException("the token cache " + file + (e.path().equals(file) ? " " : " cannot be used: "
                    + e.path() + " ") + e.reason(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the token cache " + file + " cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the file lock. Another thread of this JVM holding it (through another store on the same
     * file) makes {@code lock()} throw rather than wait, so that case is waited out here, boundedly.
     */
    private FileLock lock(FileChannel channel) throws IOException {
        Deadline deadline = Deadline.after(LOCK_WAIT);
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                if (deadline.passed()) {
                    throw new IOException("another thread of this process held the lock for more than "
                            + LOCK_WAIT.toSeconds() + " s", e);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException ie) {
                    throw Waits.interruptedIo("interrupted while waiting for the token cache lock", ie);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + file + "]";
    }
}
