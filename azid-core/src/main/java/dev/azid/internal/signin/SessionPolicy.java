package dev.azid.internal.signin;

import dev.azid.AuthenticationRecord;
import dev.azid.TokenCachePersistenceOptions;
import dev.azid.internal.persistence.PersistentSessions;

/**
 * How a user credential keeps its session: a persistent cache, the account to look for in it, and
 * whether it may start an interactive sign-in by itself.
 *
 * @param persistence the persistent cache, or {@code null} for memory only
 * @param record the account to sign in silently as, or {@code null}
 * @param automaticAuthentication whether {@code getToken} may start an interactive sign-in
 */
public record SessionPolicy(PersistentSessions persistence, AuthenticationRecord record,
        boolean automaticAuthentication) {

    /** Memory only, interactive sign-in when needed. */
    public static final SessionPolicy DEFAULT = new SessionPolicy(null, null, true);

    /**
     * The options a user credential's builder collected.
     *
     * @param persistence the persistent cache options, or {@code null}
     * @param record the account, or {@code null}
     * @param automaticAuthentication whether {@code getToken} may sign in interactively
     * @return the options
     */
    public static SessionPolicy of(TokenCachePersistenceOptions persistence, AuthenticationRecord record,
            boolean automaticAuthentication) {
        return new SessionPolicy(persistence == null ? null : new PersistentSessions(persistence), record,
                automaticAuthentication);
    }
}
