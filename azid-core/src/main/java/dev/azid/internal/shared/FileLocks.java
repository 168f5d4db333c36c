package dev.azid.internal.shared;

import dev.azid.internal.io.FileRefusedException;
import dev.azid.internal.util.Deadline;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;

/**
 * File primitives of the shared stores on one host: a private directory (0700), private files
 * (0600) written through a temporary file and an atomic rename, and exclusive locks on lock files
 * taken with {@link FileChannel#tryLock()} and a bounded wait. The operating system releases a
 * lock when its process dies, so a crashed process never holds one.
 */
public final class FileLocks {

    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final long FIRST_POLL_MILLIS = 1;
    private static final long MAX_POLL_MILLIS = 8;

    private FileLocks() {
    }

    /** Work done under a lock. */
    @FunctionalInterface
    public interface Locked<T> {
        /**
         * Runs.
         *
         * @return the result
         * @throws IOException as the work throws
         */
        T run() throws IOException;
    }

    /**
     * Runs work under the exclusive lock of a lock file, waiting at most {@code maxWait} for it.
     * Callers keep their own threads from asking for the same file at once: the JVM cannot wait for
     * a file lock another of its threads holds, and closing a channel frees all its locks on the file.
     *
     * @param lockFile the lock file (created 0600 if absent; must be a regular file)
     * @param maxWait the longest wait for the lock
     * @param work what to do while holding it
     * @return the work's result
     * @throws IOException if the lock is not had in time, the lock file is not a regular file, or the work fails
     */
    public static <T> T underLock(Path lockFile, Duration maxWait, Locked<T> work) throws IOException {
        try (FileChannel channel = open(lockFile); FileLock ignored = lock(channel, lockFile, maxWait)) {
            return work.run();
        }
    }

    /**
     * Opens a lock file for locking, creating it (and its directory) privately.
     *
     * @param lockFile the lock file
     * @return the open channel
     * @throws IOException if it is not a regular file or cannot be opened
     */
    public static FileChannel open(Path lockFile) throws IOException {
        return open(lockFile, "remove it");
    }

    /**
     * Opens a lock file for locking, creating it (and its directory) privately, with the caller's
     * advice for a lock file that is not a regular file.
     *
     * @param lockFile the lock file
     * @param remedy what the refusal says after {@code "is not a regular file; "}
     * @return the open channel
     * @throws FileRefusedException if it is not a regular file
     * @throws IOException if it cannot be opened
     */
    public static FileChannel open(Path lockFile, String remedy) throws IOException {
        createDirectory(lockFile.getParent());
        requireRegularIfPresent(lockFile, remedy);
        return FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), attributes(FILE));
    }

    /**
     * Tries to lock without waiting; another thread of this JVM holding it counts as held.
     *
     * @param channel an open lock file
     * @return the lock, or {@code null} when another process or thread holds it
     * @throws IOException if the file system refuses
     */
    public static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static FileLock lock(FileChannel channel, Path lockFile, Duration maxWait) throws IOException {
        Deadline deadline = Deadline.after(maxWait);
        long poll = FIRST_POLL_MILLIS;
        while (true) {
            FileLock lock = tryLock(channel);
            if (lock != null) {
                return lock;
            }
            if (deadline.passed()) {
                throw new IOException("the lock " + lockFile + " was held by another process for more than "
                        + maxWait.toMillis() + " ms");
            }
            // Backs off, so that many processes waiting for one lock leave the host's cores to its holder.
            pause(poll);
            poll = Math.min(MAX_POLL_MILLIS, poll * 2);
        }
    }

    /**
     * Sleeps, turning an interrupt into {@link InterruptedIOException} with the flag restored.
     *
     * @param millis how long
     * @throws InterruptedIOException if interrupted
     */
    public static void pause(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a shared token file");
        }
    }

    /**
     * Replaces a file atomically with new content, private to the user.
     *
     * @param file the file
     * @param content the new content
     * @throws IOException if it cannot be written
     */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        createDirectory(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".azid-", ".tmp", attributes(FILE));
        try {
            Files.write(temp, content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Creates a directory private to the user, unless it exists.
     *
     * @param dir the directory
     * @throws IOException if it cannot be created
     */
    public static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, attributes(DIR));
        } catch (FileAlreadyExistsException e) {
            // Another process created it first.
        }
    }

    private static void requireRegularIfPresent(Path file, String remedy) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attributes.isRegularFile()) {
            throw new FileRefusedException(file, "is not a regular file; " + remedy);
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> perms) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)} : new FileAttribute<?>[0];
    }
}
