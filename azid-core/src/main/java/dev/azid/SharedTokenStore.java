package dev.azid;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where processes share access tokens and agree on who refreshes them: the second level under each
 * credential's in-process cache, plugged in with {@link SharedTokenCache}.
 *
 * <p>azid asks the store only when its in-process cache has no fresh token (a miss or a due
 * refresh), never on a cache hit. It then reads the key; if the value is missing or due for
 * refresh, it tries to take the key's <b>lease</b>. The one process that holds it fetches a token,
 * {@linkplain #put puts} it and releases the lease; the others {@linkplain #awaitChange wait} a
 * bounded time for the new value and read it. A holder that dies loses the lease when it expires.
 *
 * <p><b>What a store sees.</b> Keys are 64 lower-case hexadecimal characters, a keyed hash of what
 * the token is for (authority, tenant, client, scopes, CAE, account): they reveal no tenant, client
 * or scope. Values are opaque bytes, AES-256-GCM sealed by azid unless the application allowed
 * clear text ({@link SharedTokenCache.Builder#allowUnencryptedStorage(boolean)}); a store never
 * needs to look inside them. A store may prefix keys with a namespace of its own.
 *
 * <p><b>Failures.</b> Every method reports a store problem (unreachable, timed out, refused,
 * corrupt) with {@link IOException}. azid never lets a store failure fail {@code getToken}: it then
 * fetches for itself, logs one warning until the store works again, and tries the store again
 * later. Any {@link RuntimeException} a store throws is treated the same way. Every method must
 * return within a bounded time of the store's own choosing (a network store: its command timeout).
 *
 * <p><b>Implementing it.</b> Implementations are thread-safe and may be called from many threads
 * and processes at once. On Redis, for example: {@link #get} is {@code GET}; {@link #put} is
 * {@code SET key value PXAT expiry} followed by a {@code PUBLISH} on a channel for the key;
 * {@link #tryLease} is {@code SET key:lease <random> NX PX duration}; {@link Lease#renew} is a
 * compare-and-extend of that random value and {@link Lease#release()} a compare-and-delete of it and
 * a {@code PUBLISH} (scripts); {@link #awaitChange} waits for the key's channel.
 * {@link FileSharedTokenStore} is the implementation for one host.
 */
public interface SharedTokenStore {

    /**
     * Reads the value under a key.
     *
     * @param key the key (64 hexadecimal characters)
     * @return the value last {@linkplain #put put}, or empty when there is none or it expired
     * @throws IOException if the store cannot be read
     */
    Optional<byte[]> get(String key) throws IOException;

    /**
     * Stores a value, replacing the one before, and wakes the processes {@linkplain #awaitChange
     * waiting} for the key. The store must drop the value no later than {@code expiresAt} (by its
     * clock); it may drop it earlier.
     *
     * @param key the key
     * @param value the value (a sealed token, at most a few KiB)
     * @param expiresAt when the token in it expires
     * @throws IOException if the value cannot be stored
     */
    void put(String key, byte[] value, Instant expiresAt) throws IOException;

    /**
     * Tries to take the key's lease, the right to refresh its token, without waiting. At most one
     * lease per key is held at a time across every process; a lease that is not released ends by
     * itself after {@code duration}, so a holder that dies does not block the others for longer.
     *
     * @param key the key
     * @param duration how long the lease lasts unless released earlier
     * @return the lease when it was free, or empty when another holder has it
     * @throws IOException if the store cannot be asked
     */
    Optional<Lease> tryLease(String key, Duration duration) throws IOException;

    /**
     * Waits until the value or the lease under a key may have changed ({@link #put}, a release or
     * an expiry), or at most {@code maxWait}. It may return early or spuriously: callers read the key
     * again after it returns. A store that can be notified (Redis pub/sub, file watches) should be;
     * the default polls: it waits at most 25 ms.
     *
     * @param key the key
     * @param maxWait the longest wait
     * @throws IOException if the store cannot be watched
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    default void awaitChange(String key, Duration maxWait) throws IOException, InterruptedException {
        long millis = Math.min(25, maxWait.toMillis());
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /**
     * Tells whether every process using this store runs on one host, as with a directory on a local
     * disk. Only then does azid share tokens of identities that belong to the host (a
     * system-assigned managed identity) through it; tokens of a service principal or a user-assigned
     * managed identity mean the same on every host and are shared through any store. The default is
     * {@code false}.
     *
     * @return whether the store is confined to one host
     */
    default boolean hostLocal() {
        return false;
    }

    /**
     * Tells who holds the key's lease now, for waiters deciding whether to keep waiting and for
     * {@code azid doctor}. The default cannot tell and returns empty.
     *
     * @param key the key
     * @return the holder of a lease that has not expired, or empty when the lease is free or the store cannot tell
     * @throws IOException if the store cannot be asked
     */
    default Optional<LeaseHolder> leaseHolder(String key) throws IOException {
        return Optional.empty();
    }

    /**
     * Who holds a lease.
     *
     * @param description what the holder said of itself when it took the lease: its process id and
     *     host name, never a secret
     * @param expiresAt when the lease ends unless it is renewed or released
     */
    record LeaseHolder(String description, Instant expiresAt) {

        /** Validates the parts. */
        public LeaseHolder {
            java.util.Objects.requireNonNull(description, "description");
            java.util.Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** A held lease on one key; see {@link SharedTokenStore#tryLease}. */
    interface Lease {

        /**
         * Extends the lease, if this holder still has it, to end {@code duration} from now: a holder
         * whose fetch is slow but alive keeps the lease, and a holder that dies still loses it one
         * duration after its last renewal. The default cannot renew and returns {@code false}.
         *
         * @param duration how long from now the lease should last
         * @return whether the lease is still this holder's and was extended
         * @throws IOException if the store cannot be told
         */
        default boolean renew(Duration duration) throws IOException {
            return false;
        }

        /**
         * Gives the lease up, if this holder still has it (a lease that expired and was taken by
         * another process is left alone), and wakes the processes waiting for the key. Idempotent.
         *
         * @throws IOException if the store cannot be told
         */
        void release() throws IOException;
    }
}
