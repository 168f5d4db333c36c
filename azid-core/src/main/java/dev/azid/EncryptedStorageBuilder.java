package dev.azid;

/**
 * The protection setting that every builder of a token store shares, written once: an AES-256 key,
 * or the caller's explicit consent to clear text. {@link TokenCachePersistenceOptions.Builder} and
 * {@link SharedTokenCache.Builder} extend it (package-private) and check it in {@code build()}.
 *
 * @param <B> the builder, returned by every setter for chaining
 */
abstract class EncryptedStorageBuilder<B extends EncryptedStorageBuilder<B>> {

    /** A copy of the key as set, or {@code null} for none. */
    byte[] key;
    private boolean allowUnencrypted;

    EncryptedStorageBuilder() {
    }

    /**
     * Encrypts the stored tokens with this AES-256 key (32 bytes; copied). Every process that reads
     * the same tokens uses the same key; one with another key reads nothing of them.
     * {@code null} removes a key set before.
     *
     * @param key the key
     * @return this builder
     */
    public final B encryptionKey(byte[] key) {
        this.key = key == null ? null : key.clone();
        return self();
    }

    /**
     * Allows tokens to be stored in clear text when no encryption key is given (default
     * {@code false}). Anyone who can read the store can then use the tokens, and anyone who can
     * write it can plant tokens.
     *
     * @param allow whether to allow it
     * @return this builder
     */
    public final B allowUnencryptedStorage(boolean allow) {
        this.allowUnencrypted = allow;
        return self();
    }

    /**
     * Checks the setting for {@code build()}.
     *
     * @param owner the type being built, which starts each message
     * @param refusal what clear text would do and what to call instead, after "refusing to"
     * @throws IllegalArgumentException if the key is not 32 bytes, or there is none and clear text
     *     was not allowed
     */
    final void checkEncryption(String owner, String refusal) {
        if (key != null && key.length != 32) {
            throw new IllegalArgumentException(owner + ": encryptionKey must be 32 bytes (AES-256), not "
                    + key.length + ".");
        }
        if (key == null && !allowUnencrypted) {
            throw new IllegalArgumentException(owner + ": refusing to " + refusal);
        }
    }

    @SuppressWarnings("unchecked")
    private B self() {
        // Sound: every subclass is declared as `Builder extends EncryptedStorageBuilder<Builder>`.
        return (B) this;
    }
}
