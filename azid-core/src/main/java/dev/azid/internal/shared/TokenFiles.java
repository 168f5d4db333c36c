package dev.azid.internal.shared;

import dev.azid.Environment;
import dev.azid.SharedTokenStore;
import dev.azid.internal.io.BoundedFileReader;
import dev.azid.internal.io.FileLimit;
import dev.azid.internal.util.Deadline;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * A {@link SharedTokenStore} in one directory of the local disk. Per key {@code K}:
 * {@code K.token} holds the expiry (8 bytes, epoch millis) and the value; {@code K.lease} holds
 * {@code "<random id> <expiry millis> <description>"} (the description, {@code "pid <pid> on <host>"},
 * is absent from records of older versions); {@code K.lock} is locked, briefly, around every
 * change of either, so that taking a lease, renewing or releasing it (only by its holder) and
 * removing an expired token are atomic across processes. A holder that dies leaves a lease record
 * that expires; it never leaves a lock held. Waiters poll the two files' identity, from every 2 ms
 * backing off to every 20 ms; a renewal replaces the lease file, so it wakes them too.
 */
public final class TokenFiles implements SharedTokenStore {

    private static final FileLimit VALUE = new FileLimit("shared token files", 64 * 1024, false);
    private static final FileLimit LEASE = new FileLimit("shared token lease files", 256, false);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);
    private static final long FIRST_POLL_MILLIS = 2;
    private static final long MAX_POLL_MILLIS = 20;
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;
    private final Clock clock;
    private final BoundedFileReader files;
    private final SecureRandom random = new SecureRandom();
    // Asked when this store first takes a lease: building it touches no file.
    private volatile String self;
    /**
     * Serialises this store's threads per key before they lock files: within one JVM a file lock
     * cannot be waited for, and closing a channel frees every lock of the JVM on that file.
     */
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    /**
     * Creates it. Touches nothing until used.
     *
     * @param directory the directory (created 0700 when first written)
     * @param clock judges the expiry of tokens and leases (the host's clock, shared by its processes)
     * @param files reads the files
     */
    public TokenFiles(Path directory, Clock clock, BoundedFileReader files) {
        this.directory = directory.toAbsolutePath();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.files = Objects.requireNonNull(files, "files");
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** @return the directory */
    public Path directory() {
        return directory;
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        byte[] record = read(file(key, ".token"), VALUE);
        if (record == null) {
            return Optional.empty();
        }
        if (record.length < Long.BYTES) {
            throw new IOException("the shared token file " + file(key, ".token") + " is truncated");
        }
        if (clock.millis() < ByteBuffer.wrap(record).getLong()) {
            return Optional.of(Arrays.copyOfRange(record, Long.BYTES, record.length));
        }
        removeExpired(key);
        return Optional.empty();
    }

    @Override
    public void put(String key, byte[] value, Instant expiresAt) throws IOException {
        byte[] record = ByteBuffer.allocate(Long.BYTES + value.length).putLong(expiresAt.toEpochMilli()).put(value).array();
        locked(key, () -> {
            FileLocks.writeAtomically(file(key, ".token"), record);
            return null;
        });
    }

    @Override
    public Optional<Lease> tryLease(String key, Duration duration) throws IOException {
        String me = self();
        // Read without the key's lock first: the lease file is replaced by a rename, so this sees a whole
        // record, and a fleet waiting on a live holder does not queue on the lock (64 processes on 2
        // cores could otherwise wait past LOCK_WAIT and fetch for themselves).
        LeaseRecord seen = holder(key);
        if (seen != null && clock.millis() < seen.expiresAtMillis()) {
            return Optional.empty();
        }
        return locked(key, () -> {
            long now = clock.millis();
            LeaseRecord current = holder(key);
            if (current != null && now < current.expiresAtMillis()) {
                return Optional.empty();
            }
            byte[] id = new byte[16];
            random.nextBytes(id);
            LeaseRecord mine = new LeaseRecord(HexFormat.of().formatHex(id), now + duration.toMillis(), me);
            FileLocks.writeAtomically(file(key, ".lease"), mine.bytes());
            return Optional.<Lease>of(new FileLease(this, key, mine.id()));
        });
    }

    @Override
    public Optional<LeaseHolder> leaseHolder(String key) throws IOException {
        LeaseRecord current = holder(key);
        if (current == null || clock.millis() >= current.expiresAtMillis()) {
            return Optional.empty();
        }
        return Optional.of(new LeaseHolder(current.description(), Instant.ofEpochMilli(current.expiresAtMillis())));
    }

    @Override
    public void awaitChange(String key, Duration maxWait) throws IOException {
        Deadline deadline = Deadline.after(maxWait);
        List<Object> before = List.of(identity(file(key, ".token")), identity(file(key, ".lease")));
        LeaseRecord holder = holder(key);
        long poll = FIRST_POLL_MILLIS;
        while (!deadline.passed()) {
            FileLocks.pause(Math.max(1, Math.min(poll, deadline.remainingMillis())));
            poll = Math.min(MAX_POLL_MILLIS, poll * 2);
            if (holder != null && clock.millis() >= holder.expiresAtMillis()
                    || !before.equals(List.of(identity(file(key, ".token")), identity(file(key, ".lease"))))) {
                return;
            }
        }
    }

    /** @return {@code true}: the directory is on this host's disk */
    @Override
    public boolean hostLocal() {
        return true;
    }

    private String self() {
        String s = self;
        if (s == null) {
            s = HolderDescription.ofThisProcess(files, Environment.system());
            self = s;
        }
        return s;
    }

    /**
     * A lease this store gave: renewed and released only while the record still holds its id.
     *
     * @param store the store that gave it
     * @param key the key it leases
     * @param id the holder id in the lease record
     */
    private record FileLease(TokenFiles store, String key, String id) implements Lease {

        @Override
        public boolean renew(Duration duration) throws IOException {
            return store.locked(key, () -> {
                long now = store.clock.millis();
                LeaseRecord current = store.holder(key);
                if (current == null || !current.id().equals(id) || now >= current.expiresAtMillis()) {
                    return false;
                }
                FileLocks.writeAtomically(store.file(key, ".lease"),
                        new LeaseRecord(id, now + duration.toMillis(), current.description()).bytes());
                return true;
            });
        }

        @Override
        public void release() throws IOException {
            store.locked(key, () -> {
                LeaseRecord current = store.holder(key);
                if (current != null && current.id().equals(id)) {
                    Files.deleteIfExists(store.file(key, ".lease"));
                }
                return null;
            });
        }

        /** Names the key; never the holder id. */
        @Override
        public String toString() {
            return "FileSharedTokenStore.Lease[" + key + "]";
        }
    }

    /** Removes an expired token, unless a new one replaced it meanwhile: tokens do not outlive their expiry at rest. */
    private void removeExpired(String key) throws IOException {
        locked(key, () -> {
            byte[] record = read(file(key, ".token"), VALUE);
            if (record != null && (record.length < Long.BYTES || clock.millis() >= ByteBuffer.wrap(record).getLong())) {
                Files.deleteIfExists(file(key, ".token"));
            }
            return null;
        });
    }

    private <T> T locked(String key, FileLocks.Locked<T> work) throws IOException {
        ReentrantLock stripe = stripes[Math.floorMod(key.hashCode(), stripes.length)];
        try {
            if (!stripe.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("another thread held the shared token key for more than " + LOCK_WAIT.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for a shared token key");
        }
        try {
            return FileLocks.underLock(file(key, ".lock"), LOCK_WAIT, work);
        } finally {
            stripe.unlock();
        }
    }

    private LeaseRecord holder(String key) throws IOException {
        byte[] record = read(file(key, ".lease"), LEASE);
        return record == null ? null : LeaseRecord.parse(record);
    }

    private byte[] read(Path file, FileLimit limit) throws IOException {
        try {
            return files.read(file, limit);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** What changes when a file is replaced by a rename or removed: its file key (inode) and modification time. */
    private static Object identity(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
        } catch (NoSuchFileException e) {
            return "absent";
        }
    }

    private Path file(String key, String suffix) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a shared token key is 64 lower-case hexadecimal characters");
        }
        return directory.resolve(key + suffix);
    }

    @Override
    public String toString() {
        return "FileSharedTokenStore[" + directory + "]";
    }
}
