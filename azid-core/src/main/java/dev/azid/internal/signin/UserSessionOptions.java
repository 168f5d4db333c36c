package dev.azid.internal.signin;

import dev.azid.AuthenticationRecord;
import dev.azid.TokenCachePersistenceOptions;
import dev.azid.internal.persistence.PersistentSessions;
import java.time.Clock;

/**
 * How a user credential keeps its session: a persistent cache, the account to look for in it, and
 * whether it may start an interactive sign-in by itself.
 *
 * @param persistence the persistent cache, or {@code null} for memory only
 * @param record the account to sign in silently as, or {@code null}
 * @param automaticAuthentication whether {@code getToken} may start an interactive sign-in
 * @param clock tells whether a persisted access token is still fresh
 */
public record UserSessionOptions(PersistentSessions persistence, AuthenticationRecord record,
        boolean automaticAuthentication, Clock clock) {

    /** Memory only, interactive sign-in when needed. */
    public static final UserSessionOptions DEFAULT = new UserSessionOptions(null, null, true, Clock.systemUTC());

    /**
     * The options a user credential's builder collected.
     *
     * @param persistence the persistent cache options, or {@code null}
     * @param record the account, or {@code null}
     * @param automaticAuthentication whether {@code getToken} may sign in interactively
     * @param clock the credential's clock
     * @return the options
     */
    public static UserSessionOptions of(TokenCachePersistenceOptions persistence, AuthenticationRecord record,
            boolean automaticAuthentication, Clock clock) {
        return new UserSessionOptions(persistence == null ? null : new PersistentSessions(persistence), record,
                automaticAuthentication, clock);
    }
}
