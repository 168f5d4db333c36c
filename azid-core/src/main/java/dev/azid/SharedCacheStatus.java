package dev.azid;

import dev.azid.SharedTokenStore.LeaseHolder;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SharedTokenCache} holds for one credential and request, as
 * {@link SharedTokenCache#inspect(TokenCredential, TokenRequestContext)} found it: whether the
 * credential shares that token through the cache (and if not, why), whether the store answered, the
 * entry under the request's store key, and who holds the key's lease. It holds no token and no
 * secret; {@link #toString()} says it in one line, for people.
 *
 * @param store the store, as its {@code toString()} names it (never a password or key)
 * @param encrypted whether the cache encrypts tokens in the store
 * @param notShared why the credential does not share this request's token through this cache, as a
 *     clause; empty when it does
 * @param storeFailure what went wrong when the store was asked (secret shapes masked); empty when
 *     every call answered
 * @param entry what the store holds under the request's key
 * @param expiresAt when the entry's token expires, when the entry could be opened
 * @param leaseHolder who holds the key's lease; empty when it is free, was not asked (the token is not
 *     shared, or the store failed), or the store cannot tell
 */
public record SharedCacheStatus(String store, boolean encrypted, Optional<String> notShared,
        Optional<String> storeFailure, Entry entry, Optional<Instant> expiresAt, Optional<LeaseHolder> leaseHolder) {

    /** Validates the parts. */
    public SharedCacheStatus {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(notShared, "notShared");
        Objects.requireNonNull(storeFailure, "storeFailure");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(leaseHolder, "leaseHolder");
    }

    /** @return whether the credential shares this request's token through the cache */
    public boolean shared() {
        return notShared.isEmpty();
    }

    /** @return whether every call to the store answered */
    public boolean reachable() {
        return storeFailure.isEmpty();
    }

    /**
     * Says it in one line: {@code not shared: <why>}, or the entry and the lease, such as
     * {@code entry fresh, token expires 2030-01-01T10:00:00Z; no lease held}; then the store failure, if any.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        notShared.ifPresent(why -> out.append("not shared: ").append(why));
        if (shared() && entry != Entry.NOT_LOOKED_UP) {
            out.append(switch (entry) {
                case ABSENT -> "no entry for this credential and scope (a process with another encryption key, "
                        + "or none, keeps its tokens under other keys)";
                case FRESH -> "entry fresh, token expires " + expiresAt.map(Instant::toString).orElse("?");
                case DUE_FOR_REFRESH -> "entry due for refresh, token expires " + expiresAt.map(Instant::toString).orElse("?");
                case EXPIRED -> "entry expired at " + expiresAt.map(Instant::toString).orElse("?");
                default -> "entry unreadable: this cache's encryption key does not open it (corrupt, tampered with, "
                        + "or copied from another key); it is ignored and replaced";
            });
            out.append(leaseHolder.map(h -> "; lease held by " + h.description() + " until " + h.expiresAt())
                    .orElse("; no lease held"));
        }
        storeFailure.ifPresent(f -> out.append(out.length() == 0 ? "" : "; ").append("store failed: ").append(f));
        return out.toString();
    }

    /** What the store holds under a request's key. */
    public enum Entry {
        /** Not looked up: the token is not shared, or the store failed. */
        NOT_LOOKED_UP,
        /**
         * No entry: no process stored a token for this credential and request, or it expired. Store keys
         * are keyed hashes under the encryption key, so a process with another key (or none) keeps its
         * entries under other keys, and a key mismatch looks like this too.
         */
        ABSENT,
        /** A token that other processes take as it is. */
        FRESH,
        /** A token still valid but due for refresh: the next process that needs it takes the lease and refreshes it. */
        DUE_FOR_REFRESH,
        /** A token that expired, which the store still returned; it is ignored and replaced. */
        EXPIRED,
        /**
         * An entry this cache's key does not open, or whose token claims a lifetime no token has:
         * corrupt, tampered with, or copied from another key; it is ignored and replaced.
         */
        UNREADABLE
    }
}
