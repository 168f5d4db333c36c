package dev.azid.internal.signin;

import dev.azid.AuthenticationRecord;
import dev.azid.TokenCachePersistenceOptions;
import dev.azid.internal.cache.SecondLevel;
import dev.azid.internal.persistence.PersistentSessions;
import java.util.Objects;

/**
 * How a user credential keeps its session: a persistent cache, the account to look for in it,
 * whether it may start an interactive sign-in by itself, and the cache shared with other processes.
 *
 * @param persistence the persistent cache, or {@code null} for memory only
 * @param record the account to sign in silently as, or {@code null}
 * @param automaticAuthentication whether {@code getToken} may start an interactive sign-in
 * @param shared the level shared with other processes, where access tokens are kept under keys that
 *     name the account ({@link SecondLevel#NONE}: not shared)
 */
public record SessionPolicy(PersistentSessions persistence, AuthenticationRecord record,
        boolean automaticAuthentication, SecondLevel shared) {

    /** Memory only, interactive sign-in when needed, not shared. */
    public static final SessionPolicy DEFAULT = new SessionPolicy(null, null, true, SecondLevel.NONE);

    /** Validates. */
    public SessionPolicy {
        Objects.requireNonNull(shared, "shared");
    }

    /**
     * The options a user credential's builder collected, not shared with other processes.
     *
     * @param persistence the persistent cache options, or {@code null}
     * @param record the account, or {@code null}
     * @param automaticAuthentication whether {@code getToken} may sign in interactively
     * @return the options
     */
    public static SessionPolicy of(TokenCachePersistenceOptions persistence, AuthenticationRecord record,
            boolean automaticAuthentication) {
        return new SessionPolicy(persistence == null ? null : new PersistentSessions(persistence), record,
                automaticAuthentication, SecondLevel.NONE);
    }

    /**
     * A copy that shares access tokens through a level shared with other processes.
     *
     * @param level the shared level, or {@link SecondLevel#NONE}
     * @return the copy
     */
    public SessionPolicy sharedThrough(SecondLevel level) {
        return new SessionPolicy(persistence, record, automaticAuthentication, level);
    }
}
