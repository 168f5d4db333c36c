package dev.azid.azure.identity;

/**
 * Where a user credential keeps its tokens between processes, as
 * {@code com.azure.identity.TokenCachePersistenceOptions}: a named cache, encrypted unless
 * unencrypted storage is allowed. Mapped onto {@code dev.azid.TokenCachePersistenceOptions} when the
 * credential is built. Not thread-safe.
 */
public final class TokenCachePersistenceOptions {

    private boolean unencryptedStorageAllowed;
    private String name;

    /** Creates options for the default cache name, encrypted storage only. */
    public TokenCachePersistenceOptions() {
    }

    /**
     * Allows an unencrypted file where the platform offers no encryption (default {@code false}).
     *
     * @param unencryptedStorageAllowed whether to allow it
     * @return these options
     */
    public TokenCachePersistenceOptions setUnencryptedStorageAllowed(boolean unencryptedStorageAllowed) {
        this.unencryptedStorageAllowed = unencryptedStorageAllowed;
        return this;
    }

    /** @return whether unencrypted storage is allowed */
    public boolean isUnencryptedStorageAllowed() {
        return unencryptedStorageAllowed;
    }

    /**
     * Sets the cache's name, so that applications can keep separate caches (default: azid's).
     *
     * @param name the name
     * @return these options
     */
    public TokenCachePersistenceOptions setName(String name) {
        this.name = name;
        return this;
    }

    /** @return the name, or {@code null} for the default */
    public String getName() {
        return name;
    }

    /** The azid options, read from the credential's environment. */
    dev.azid.TokenCachePersistenceOptions azid(dev.azid.Environment environment) {
        dev.azid.TokenCachePersistenceOptions.Builder b = dev.azid.TokenCachePersistenceOptions.builder()
                .allowUnencryptedStorage(unencryptedStorageAllowed).environment(environment);
        if (name != null) {
            b.name(name);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "TokenCachePersistenceOptions[name=" + name + ", unencryptedStorageAllowed=" + unencryptedStorageAllowed + "]";
    }
}
