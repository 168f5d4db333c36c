package dev.azid;

import java.util.function.UnaryOperator;

/**
 * Where a persistent token cache keeps its bytes: a file (the default), or an operating-system
 * keyring an application plugs in. The bytes are already encrypted when encryption is configured.
 * Implementations must make {@link #update} atomic across threads and processes.
 */
public interface PersistentTokenStore {

    /**
     * Reads the current content.
     *
     * @return the bytes, empty when nothing is stored
     */
    byte[] read();

    /**
     * Replaces the content with {@code change(current)} atomically: no other process or thread may
     * read or write in between.
     *
     * @param change computes the new content from the current one
     */
    void update(UnaryOperator<byte[]> change);
}
