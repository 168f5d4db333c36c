package dev.azid.internal.io;

import dev.azid.internal.util.Waits;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link BoundedFileReader} on the JDK file system.
 *
 * <p>Each read: the path's attributes (following a link only if the {@link FileLimit} says so) must
 * say regular file within the cap; the file is opened; the attributes are read again and must name
 * the same file (same file key), else the open is retried, twice at most, since Kubernetes swaps
 * projected files by renaming a link; then at most cap + 1 bytes are read from that one handle.
 *
 * <p>Why a worker thread: the JDK has no non-blocking open, and opening a named pipe for reading
 * blocks until some process opens it for writing. The attribute check refuses a pipe (or device,
 * directory, socket) that is at the path when the read starts, which is the case that matters.
 * Whoever can write the directory can still swap a pipe in between the check and the open; that open
 * would never return. So the read runs on one of at most {@value #MAX_WORKERS} daemon threads, and
 * the caller waits at most the timeout, then gets a {@link FileRefusedException}. A read blocked
 * in {@code read} is ended by interrupting its worker, which closes the channel; a worker blocked in
 * {@code open} cannot be interrupted by the JDK and stays blocked until a writer appears, so at most
 * {@value #MAX_WORKERS} threads can ever be held that way. While they all are, further reads wait in
 * the queue and fail at their timeout instead of hanging. A swap to another regular file, or a swap
 * and swap back between the two attribute reads, gives no more than the directory's writer could
 * give anyway by writing the file: the size cap and the timeout hold whatever was opened.
 */
final class SystemFileReader implements BoundedFileReader {

    /** The most reads at a time, and so the most threads a hostile directory can ever hold. */
    static final int MAX_WORKERS = 4;

    /** How long a caller waits for one read: far more than any local or network file system needs. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final int ATTEMPTS = 3;
    private static final LinkOption[] FOLLOW = new LinkOption[0];
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** Opens a file: {@link FileChannel#open(Path, Set, java.nio.file.attribute.FileAttribute[])} outside tests. */
    @FunctionalInterface
    interface Opener {
        /**
         * Opens the file for reading.
         *
         * @param path the file
         * @param options the open options
         * @return the channel
         * @throws IOException if it cannot be opened
         */
        FileChannel open(Path path, Set<OpenOption> options) throws IOException;
    }

    private final Duration timeout;
    private final Opener opener;
    private final ThreadPoolExecutor workers;

    /**
     * Creates a reader with its own workers, created on demand and retired after 30 s idle.
     *
     * @param timeout how long a caller waits for one read
     * @param opener opens files
     */
    SystemFileReader(Duration timeout, Opener opener) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.opener = Objects.requireNonNull(opener, "opener");
        AtomicInteger counter = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(MAX_WORKERS, MAX_WORKERS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "azid-file-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        workers.allowCoreThreadTimeOut(true);
    }

    /** @return the process's reader, created on first use */
    static SystemFileReader shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final SystemFileReader INSTANCE = new SystemFileReader(DEFAULT_TIMEOUT, FileChannel::open);
    }

    @Override
    public byte[] read(Path path, FileLimit limit) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(limit, "limit");
        FutureTask<byte[]> task = new FutureTask<>(() -> readNow(path, limit));
        workers.execute(task);
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(task);
            throw new FileRefusedException(path, "could not be read within " + timeout.toMillis() + " ms (a stalled file "
                    + "system, or a named pipe or device put there while it was being opened)");
        } catch (InterruptedException e) {
            abandon(task);
            throw Waits.interruptedIo("interrupted while reading " + path, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(Waits.uncheckedCause(e));
        }
    }

    private void abandon(FutureTask<byte[]> task) {
        // Interrupting closes a channel blocked in read; removing keeps a queue of given-up reads from growing.
        task.cancel(true);
        workers.remove(task);
    }

    private byte[] readNow(Path path, FileLimit limit) throws IOException {
        LinkOption[] links = limit.followLinks() ? FOLLOW : NO_FOLLOW;
        Set<OpenOption> options = limit.followLinks() ? Set.of(StandardOpenOption.READ)
                : Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BasicFileAttributes before = checked(path, Files.readAttributes(path, BasicFileAttributes.class, links), limit);
            try (FileChannel channel = opener.open(path, options)) {
                BasicFileAttributes after = Files.readAttributes(path, BasicFileAttributes.class, links);
                if (sameFile(before, after)) {
                    long size = channel.size();
                    if (size > limit.maxBytes()) {
                        throw FileRefusedException.tooLarge(path, limit);
                    }
                    return CappedRead.read(channel, size, path, limit);
                }
            }
        }
        throw new FileRefusedException(path, "was replaced each time it was opened (" + ATTEMPTS + " times); try again");
    }

    private static BasicFileAttributes checked(Path path, BasicFileAttributes attributes, FileLimit limit)
            throws FileRefusedException {
        if (!attributes.isRegularFile()) {
            String what = attributes.isDirectory() ? "a directory" : attributes.isSymbolicLink() ? "a symbolic link"
                    : "a named pipe, device or socket";
            throw FileRefusedException.notRegular(path, what, limit);
        }
        if (attributes.size() > limit.maxBytes()) {
            throw FileRefusedException.tooLarge(path, limit);
        }
        return attributes;
    }

    private static boolean sameFile(BasicFileAttributes before, BasicFileAttributes after) {
        // Without file keys (Windows) the best available evidence is that a regular file is still there.
        return after.isRegularFile() && (before.fileKey() == null || before.fileKey().equals(after.fileKey()));
    }

    @Override
    public String toString() {
        return "SystemFileReader[timeout=" + timeout + "]";
    }
}
