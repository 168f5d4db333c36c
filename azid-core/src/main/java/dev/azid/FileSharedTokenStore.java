package dev.azid;

import dev.azid.internal.io.BoundedFileReader;
import dev.azid.internal.shared.HostRequestLimiter;
import dev.azid.internal.shared.TokenFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SharedTokenStore} for the processes of one host, with no server: a directory on a local
 * disk, private to the user (0700, files 0600 on POSIX). Many processes on one VM then make one
 * token request per identity and scopes, and their managed-identity requests to the Instance
 * Metadata Service stay within its limits for the whole host: at most 5 at once and 20 per second
 * (a request waits at most 20 s for its turn, then is sent anyway).
 *
 * <pre>{@code
 * SharedTokenCache shared = SharedTokenCache.builder()
 *         .store(FileSharedTokenStore.builder().directory(Path.of("/var/lib/myapp/tokens")).build())
 *         .encryptionKey(key)
 *         .build();
 * CredentialOptions options = CredentialOptions.builder().sharedCache(shared).build();
 * }</pre>
 *
 * <p>Per key, the directory holds the sealed token ({@code <key>.token}, removed once expired), the
 * lease record ({@code <key>.lease}: a random holder id, the expiry and {@code "pid <pid> on <host>"})
 * and a lock file ({@code <key>.lock}), locked briefly with {@link java.nio.channels.FileChannel#tryLock()}
 * around every change; writes go through a temporary file and an atomic rename. Waiting processes
 * look for a change every 2 to 20 ms. The host name is the kernel's ({@code /proc/sys/kernel/hostname})
 * or {@code COMPUTERNAME}/{@code HOSTNAME}, never looked up in DNS.
 * Use a local disk: file locks on network file systems are not reliable, and the store declares
 * itself {@linkplain #hostLocal() local to the host}. Thread-safe; building touches no file.
 */
public final class FileSharedTokenStore implements SharedTokenStore {

    private final TokenFiles files;
    private final HostRequestLimiter limiter;

    private FileSharedTokenStore(Builder b) {
        this.files = new TokenFiles(b.directory, b.clock, BoundedFileReader.system());
        this.limiter = new HostRequestLimiter(b.directory, 5, 20, Duration.ofSeconds(20), b.clock, BoundedFileReader.system());
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the directory */
    public Path directory() {
        return files.directory();
    }

    /** {@inheritDoc} */
    @Override
    public Optional<byte[]> get(String key) throws IOException {
        return files.get(key);
    }

    /** {@inheritDoc} */
    @Override
    public void put(String key, byte[] value, Instant expiresAt) throws IOException {
        files.put(key, value, expiresAt);
    }

    /** {@inheritDoc} */
    @Override
    public Optional<Lease> tryLease(String key, Duration duration) throws IOException {
        return files.tryLease(key, duration);
    }

    /** Reads the lease record: its holder's process id and host name, and its expiry; empty when free or expired. */
    @Override
    public Optional<LeaseHolder> leaseHolder(String key) throws IOException {
        return files.leaseHolder(key);
    }

    /**
     * Returns when the key's token or lease file is replaced (a put or a renewal) or removed, or its
     * lease expires, or at {@code maxWait}.
     */
    @Override
    public void awaitChange(String key, Duration maxWait) throws IOException {
        files.awaitChange(key, maxWait);
    }

    /** @return {@code true}: every process using it runs on this host */
    @Override
    public boolean hostLocal() {
        return true;
    }

    /** The host's managed-identity request limiter, in the same directory. */
    HostRequestLimiter imdsLimiter() {
        return limiter;
    }

    /** Names the directory. */
    @Override
    public String toString() {
        return files.toString();
    }

    /** Builds a {@link FileSharedTokenStore}. Not thread-safe. */
    public static final class Builder {
        private Path directory;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the directory (required), created 0700 on first use. Every process that is to share
         * tokens names the same one; give each application its own.
         *
         * @param directory the directory, on a local disk
         * @return this builder
         */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "FileSharedTokenStore.directory");
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the store. Touches no file.
         *
         * @return the store
         * @throws IllegalArgumentException if no directory is set
         */
        public FileSharedTokenStore build() {
            if (directory == null) {
                throw new IllegalArgumentException("FileSharedTokenStore: directory is not set. Call directory(...) with "
                        + "a directory on a local disk that every process sharing tokens names.");
            }
            return new FileSharedTokenStore(this);
        }
    }
}
