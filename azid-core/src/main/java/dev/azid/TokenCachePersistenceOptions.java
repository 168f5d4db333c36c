package dev.azid;

import dev.azid.internal.persistence.FileTokenStore;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opts a user credential in to keeping its refresh and access tokens across processes.
 *
 * <p>By default the cache is a file, {@code ~/.azid/<name>.cache}, in a directory only the user
 * may enter (0700), written only by the user (0600) through a temporary file and an atomic rename,
 * under a file lock, so several processes can share it. Tokens are encrypted with AES-256-GCM
 * under a key the application supplies ({@link Builder#encryptionKey(byte[])}, for example from a
 * keyring entry or a key file of its own); storing them in clear text must be allowed explicitly
 * with {@link Builder#allowUnencryptedStorage(boolean)}, as on headless Linux with no keyring. A
 * corrupt or truncated file is discarded with a warning. {@link Builder#store(PersistentTokenStore)}
 * replaces the file by any other store (an OS keyring).
 *
 * @param store where the bytes go
 * @param encryptionKey the AES-256 key, or {@code null} for clear text
 */
public record TokenCachePersistenceOptions(PersistentTokenStore store, byte[] encryptionKey) {

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "TokenCachePersistenceOptions[store=" + store + ", encrypted=" + (encryptionKey != null) + "]";
    }

    /** Builds {@link TokenCachePersistenceOptions}. Not thread-safe. */
    public static final class Builder extends EncryptedStorageBuilder<Builder> {
        private String name = "azid";
        private Path directory;
        private PersistentTokenStore store;
        private Environment environment = Environment.system();

        private Builder() {
        }

        /**
         * Sets the cache's name, to keep applications apart (default {@code azid}).
         *
         * @param value letters, digits, {@code .}, {@code _} and {@code -}
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Sets the directory of the cache file (default {@code ~/.azid}).
         *
         * @param value the directory
         * @return this builder
         */
        public Builder directory(Path value) {
            this.directory = value;
            return this;
        }

        /**
         * Uses another store than the file, such as an OS keyring.
         *
         * @param value the store
         * @return this builder
         */
        public Builder store(PersistentTokenStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * Sets where {@code HOME} is read for the default directory (default: the process environment).
         *
         * @param value the environment
         * @return this builder
         */
        public Builder environment(Environment value) {
            this.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /**
         * Builds the options. Creates no file.
         *
         * @return the options
         * @throws IllegalArgumentException if tokens would be stored in clear text without permission,
         *     the key is not 32 bytes, or the name has other characters
         */
        public TokenCachePersistenceOptions build() {
            checkEncryption("TokenCachePersistenceOptions", "store tokens in clear text. Give encryptionKey(...) "
                    + "from a keyring or key file of your own, or call allowUnencryptedStorage(true) to accept a file "
                    + "readable only by your user.");
            if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("TokenCachePersistenceOptions: name must be 1-64 letters, digits, '.', "
                        + "'_' or '-'.");
            }
            PersistentTokenStore s = store;
            if (s == null) {
                Path dir = directory != null ? directory : Path.of(environment.get("HOME")
                        .or(() -> environment.get("USERPROFILE")).orElse("."), ".azid");
                s = new FileTokenStore(dir.resolve(name + ".cache"));
            }
            return new TokenCachePersistenceOptions(s, key);
        }
    }
}
