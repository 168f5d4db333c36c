package dev.azid;

import dev.azid.internal.shared.SharedTokens;
import java.time.Duration;
import java.util.Objects;

/**
 * Opts credentials in to sharing access tokens with other processes, so that a fleet of processes
 * makes one token request per identity and scopes instead of one each; set it once with
 * {@link CredentialOptions.Builder#sharedCache(SharedTokenCache)} and every credential built with
 * those options uses it.
 *
 * <pre>{@code
 * SharedTokenCache shared = SharedTokenCache.builder()
 *         .store(FileSharedTokenStore.builder().directory(Path.of("/var/lib/myapp/tokens")).build())
 *         .encryptionKey(key)                    // 32 bytes from your key store
 *         .build();
 * CredentialOptions options = CredentialOptions.builder().sharedCache(shared).build();
 * }</pre>
 *
 * <p><b>What is shared.</b> Each credential keeps its in-process cache, which answers every cache
 * hit without asking the store. Only on a miss or a due refresh does it read the store; if the
 * store holds no fresh token, one process takes the key's lease and fetches while the others wait
 * for its token (see below). Shared are
 * the tokens of service principals (secret, certificate, assertion, workload identity, the
 * environment), on-behalf-of tokens (keyed by a hash of the user's assertion), username/password
 * tokens (keyed by the user and a hash of the password) and managed identities (system-assigned
 * ones only through a store {@linkplain SharedTokenStore#hostLocal() local to the host}), and
 * interactive sign-ins' tokens (browser, device code) keyed by the signed-in account (authority
 * host, client id, home account id): a credential that knows no account yet (no
 * {@code authenticationRecord}, no sign-in so far) never reads the store, and a token whose account
 * is unknown is never written. Not shared: refresh tokens, developer tools' tokens, an
 * authorization code's tokens, and tokens fetched for a claims challenge.
 *
 * <p><b>How processes wait for each other.</b> The process that takes a key's lease renews it every
 * third of {@link Builder#leaseDuration(Duration)} while its token request runs, so that a slow
 * request keeps the lease, and releases it once the token is stored or the request failed. The
 * others wait and stop at the first of:
 * <ul>
 *   <li>the token appears in the store: they use it and make no request;</li>
 *   <li>the lease is free, because its holder released it without a token (its request failed) or
 *       stopped renewing it (the process died or hung): one of them takes it and fetches, the
 *       others wait on;</li>
 *   <li>{@link Builder#maxWait(Duration)} has passed since they began to wait (default 2 minutes):
 *       each fetches for itself. This bounds {@code getToken} when the holder is alive but gets no
 *       token.</li>
 * </ul>
 * So a holder that dies delays the others by at most one lease duration: its lease ends one
 * duration after its last renewal, and exactly one waiter takes over. A store whose leases cannot be
 * renewed ({@link SharedTokenStore.Lease#renew} returns {@code false}) keeps a lease one duration:
 * a request slower than that lets a second process fetch. Renewals that fail count as store
 * failures (below): the request goes on and the lease ends at its expiry.
 *
 * <p><b>How it is protected.</b> Keys in the store are keyed hashes: they reveal no tenant, client
 * or scope. Tokens are sealed with AES-256-GCM under a key derived from
 * {@link Builder#encryptionKey(byte[])}, bound to their store key; entries the key does not open
 * are ignored and replaced. Clear text must be allowed explicitly
 * ({@link Builder#allowUnencryptedStorage(boolean)}). Every entry expires in the store no later
 * than its token.
 *
 * <p><b>How it fails.</b> Open: a store that is down, slow or returns garbage never fails
 * {@code getToken}; each process then fetches its own tokens, one warning is logged per outage, and
 * the store is tried again after a pause (5 s, doubling up to 2 minutes).
 *
 * <p>Immutable apart from the store's health, and thread-safe; one value serves any number of
 * credentials. {@link #toString()} names the store, never the key.
 */
public final class SharedTokenCache {

    private final SharedTokenStore store;
    private final SharedTokens tokens;

    private SharedTokenCache(Builder b) {
        this.store = b.store;
        this.tokens = new SharedTokens(b.store, b.key, b.leaseDuration, b.maxWait,
                b.store instanceof FileSharedTokenStore f ? f.imdsLimiter() : null);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the store */
    public SharedTokenStore store() {
        return store;
    }

    /** @return whether tokens are encrypted in the store */
    public boolean encrypted() {
        return tokens.encrypts();
    }

    /**
     * Tells what this cache holds for a credential's request, for diagnostics ({@code azid doctor}):
     * whether the credential shares that token through this cache (and if not, why: it was built
     * without this cache, its kind never shares, a system-assigned managed identity and a store that
     * is not host-local, a claims challenge), whether the store answers, the entry under the store
     * key the credential would use (the same key: scopes, tenant and CAE as its rules make them), and
     * who holds the key's lease.
     *
     * <p>Fetches no token and makes no network call other than the store's: a get, and the lease
     * holder when the token is shared (a get of a key no token has when it is not, to tell whether
     * the store answers), each bounded by the store. Writes nothing and takes no lease. A store
     * failure is reported in the status, never thrown.
     *
     * @param credential a credential, built with {@link CredentialOptions.Builder#sharedCache} set to
     *     this cache for its tokens to be shared; a chain shares nothing itself, so inspect its members
     * @param request the request, as the application makes it
     * @return the status
     */
    public SharedCacheStatus inspect(TokenCredential credential, TokenRequestContext request) {
        return SharedCacheInspector.inspect(tokens, Objects.requireNonNull(credential, "credential"),
                Objects.requireNonNull(request, "request"));
    }

    /** The internal view the credentials use. */
    SharedTokens tokens() {
        return tokens;
    }

    /** Names the store; never the key. */
    @Override
    public String toString() {
        return "SharedTokenCache[" + store + ", encrypted=" + encrypted() + "]";
    }

    /** Builds a {@link SharedTokenCache}. Not thread-safe. */
    public static final class Builder extends EncryptedStorageBuilder<Builder> {
        private SharedTokenStore store;
        private Duration leaseDuration = Duration.ofSeconds(30);
        private Duration maxWait = Duration.ofMinutes(2);

        private Builder() {
        }

        /**
         * Sets the store (required), for example a {@link FileSharedTokenStore}.
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(SharedTokenStore store) {
            this.store = Objects.requireNonNull(store, "SharedTokenCache.store");
            return this;
        }

        /**
         * Sets how long a lease lasts unless its holder renews or releases it (default 30 s). The
         * holder renews it every third of this while its token request runs, so it bounds how long a
         * holder that died delays the others (at most this long after its last renewal, then one of
         * them takes over), not how long a request may take.
         *
         * @param duration from 1 s to 10 minutes
         * @return this builder
         */
        public Builder leaseDuration(Duration duration) {
            this.leaseDuration = Objects.requireNonNull(duration, "SharedTokenCache.leaseDuration");
            return this;
        }

        /**
         * Sets how long a process waits at most for the lease holder's token before fetching itself
         * (default 2 minutes). It stops waiting earlier when the token appears or the lease is free
         * (the holder failed or died); a holder that is alive keeps its lease by renewing it, and is
         * waited for up to this long. {@code 0}: never wait, fetch at once while another process
         * holds the lease.
         *
         * @param duration from 0 to 10 minutes
         * @return this builder
         */
        public Builder maxWait(Duration duration) {
            this.maxWait = Objects.requireNonNull(duration, "SharedTokenCache.maxWait");
            return this;
        }

        /**
         * Builds it. Touches no store.
         *
         * @return the shared cache
         * @throws IllegalArgumentException if no store is set, the key is not 32 bytes, tokens would be
         *     stored in clear text without permission, or a duration is out of range
         */
        public SharedTokenCache build() {
            if (store == null) {
                throw new IllegalArgumentException("SharedTokenCache: store is not set. Call store(...), for example "
                        + "with FileSharedTokenStore.builder().directory(...).build().");
            }
            checkEncryption("SharedTokenCache", "share tokens in clear text. Give encryptionKey(...) with 32 bytes "
                    + "from your key store, or call allowUnencryptedStorage(true).");
            if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0 || leaseDuration.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("SharedTokenCache: leaseDuration must be from 1 s to 10 minutes, not "
                        + leaseDuration + ".");
            }
            if (maxWait.isNegative() || maxWait.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("SharedTokenCache: maxWait must be from 0 to 10 minutes, not "
                        + maxWait + ".");
            }
            return new SharedTokenCache(this);
        }
    }
}
