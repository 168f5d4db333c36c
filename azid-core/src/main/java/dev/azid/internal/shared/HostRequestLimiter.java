package dev.azid.internal.shared;

import dev.azid.internal.io.BoundedFileReader;
import dev.azid.internal.io.FileLimit;
import dev.azid.internal.util.Deadline;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every process of a host within the Instance Metadata Service's limits, through files in one
 * directory: at most {@code maxConcurrent} requests at once (one lock file per slot, held for the
 * request: a process that dies frees its slot; the files stay open for the limiter's life, since closing
 * one would free every lock of this JVM on it) and at most {@code perSecond} request starts in any
 * second, at arrival (each request in flight or ended within the window, in a file changed under a
 * lock: see {@link RequestWindow}). A request waits for
 * a slot and a start at most {@code maxWait}; after that, or if the files cannot be used, it is
 * sent anyway, with one warning: the limiter never fails a token request. Thread-safe.
 */
public final class HostRequestLimiter {

    /**
     * How long an ended request still counts (see {@link RequestWindow}): a tenth longer than a
     * second, for IMDS's own view of when a request arrived.
     */
    private static final long WINDOW_MILLIS = 1100;

    private static final Logger LOG = LoggerFactory.getLogger(HostRequestLimiter.class);
    private static final FileLimit STARTS = new FileLimit("request limiter files", 16_384, false);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);
    private static final long FIRST_POLL_MILLIS = 2;
    private static final long MAX_POLL_MILLIS = 20;

    private final Path directory;
    private final int maxConcurrent;
    private final int perSecond;
    private final Duration maxWait;
    private final Clock clock;
    private final BoundedFileReader files;
    private final AtomicBoolean warned = new AtomicBoolean();
    private final Object startsLock = new Object();
    /** Open for the limiter's life: closing a channel would free every lock this JVM holds on that file. */
    private final FileChannel[] slots;
    private final boolean[] held;

    /** A slot held for one request; closing it frees the slot. */
    public interface Permit extends AutoCloseable {
        /** Frees the slot. */
        @Override
        void close();
    }

    /**
     * Creates it. Touches nothing until used.
     *
     * @param directory where the slot and start files live (created 0700)
     * @param maxConcurrent requests at once on the host
     * @param perSecond request starts per second on the host
     * @param maxWait the longest wait for a slot and a start
     * @param clock the host's wall clock, shared by its processes
     * @param files reads the start file
     */
    public HostRequestLimiter(Path directory, int maxConcurrent, int perSecond, Duration maxWait, Clock clock,
            BoundedFileReader files) {
        this.directory = directory.toAbsolutePath();
        this.maxConcurrent = maxConcurrent;
        this.perSecond = perSecond;
        this.maxWait = maxWait;
        this.clock = clock;
        this.files = files;
        this.slots = new FileChannel[maxConcurrent];
        this.held = new boolean[maxConcurrent];
    }

    /**
     * Waits for a slot and a start, boundedly.
     *
     * @return the permit to close when the request is done
     */
    public Permit acquire() {
        Deadline deadline = Deadline.after(maxWait);
        int slot = -1;
        FileLock lock = null;
        long poll = FIRST_POLL_MILLIS;
        try {
            while (lock == null) {
                for (int i = 0; i < maxConcurrent && lock == null; i++) {
                    lock = trySlot(i);
                    slot = i;
                }
                if (lock == null) {
                    // Back off, so that many waiting processes do not keep the host's cores busy.
                    waitOrGiveUp(deadline, poll, "a free request slot");
                    poll = Math.min(MAX_POLL_MILLIS, poll * 2);
                }
            }
            long id = ThreadLocalRandom.current().nextLong();
            long wait;
            while ((wait = tryStart(id)) > 0) {
                waitOrGiveUp(deadline, wait, "a request start");
            }
            int mine = slot;
            FileLock mineLock = lock;
            return () -> {
                ended(id);
                free(mine, mineLock);
            };
        } catch (IOException e) {
            if (lock != null) {
                free(slot, lock);
            }
            if (e instanceof InterruptedIOException) {
                Thread.currentThread().interrupt();
            } else if (warned.compareAndSet(false, true)) {
                LOG.warn("ManagedIdentityCredential: the host's request limiter in {} cannot be used ({}); requests are "
                        + "sent without it.", directory, e.getMessage());
            }
            return () -> { };
        }
    }

    private synchronized FileLock trySlot(int i) throws IOException {
        if (held[i]) {
            return null;
        }
        if (slots[i] == null) {
            slots[i] = FileLocks.open(directory.resolve("imds-slot-" + i + ".lock"));
        }
        FileLock lock = FileLocks.tryLock(slots[i]);
        held[i] = lock != null;
        return lock;
    }

    private synchronized void free(int i, FileLock lock) {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("freeing a request slot failed: {}", e.getMessage());
        }
        held[i] = false;
    }

    /** Records an in-flight request when fewer than {@code perSecond} count; else says how long to wait. */
    private long tryStart(long id) throws IOException {
        return underStartsLock(w -> {
            if (w.size() >= perSecond) {
                return -w.waitMillis(clock.millis(), MAX_POLL_MILLIS);
            }
            w.start(clock.millis(), id);
            return 0L;
        });
    }

    /** Marks the request ended: from now it counts for one window more. A failure only logs. */
    private void ended(long id) {
        try {
            underStartsLock(w -> {
                w.end(id, clock.millis());
                return 0L;
            });
        } catch (IOException e) {
            // Its in-flight line then stops counting once stale.
            LOG.debug("recording the end of a managed identity request failed: {}", e.getMessage());
        }
    }

    /** Runs a change of the request file under this JVM's and the host's lock; a negative result leaves the file alone. */
    private long underStartsLock(java.util.function.ToLongFunction<RequestWindow> change) throws IOException {
        Path file = directory.resolve("imds-starts");
        synchronized (startsLock) {
            long result = FileLocks.underLock(directory.resolve("imds-starts.lock"), LOCK_WAIT, () -> {
                RequestWindow w = RequestWindow.parse(read(file), clock.millis(), WINDOW_MILLIS);
                long r = change.applyAsLong(w);
                if (r >= 0) {
                    FileLocks.writeAtomically(file, w.text().getBytes(StandardCharsets.US_ASCII));
                }
                return r;
            });
            return Math.abs(result);
        }
    }

    private String read(Path file) throws IOException {
        try {
            return new String(files.read(file, STARTS), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private void waitOrGiveUp(Deadline deadline, long millis, String what) throws IOException {
        if (deadline.passed()) {
            throw new IOException("no " + what + " within " + maxWait.toSeconds() + " s");
        }
        FileLocks.pause(millis);
    }

    @Override
    public String toString() {
        return "HostRequestLimiter[" + directory + ", " + maxConcurrent + " at once, " + perSecond + "/s]";
    }
}
