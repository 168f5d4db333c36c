package dev.azid.internal.oauth2;

import dev.azid.AuthenticationRecord;
import dev.azid.internal.persistence.PersistentSessions;

/**
 * How a user credential keeps its session: a persistent cache, the account to look for in it, and
 * whether it may start an interactive sign-in by itself.
 *
 * @param persistence the persistent cache, or {@code null} for memory only
 * @param record the account to sign in silently as, or {@code null}
 * @param automaticAuthentication whether {@code getToken} may start an interactive sign-in
 */
public record UserSessionOptions(PersistentSessions persistence, AuthenticationRecord record,
        boolean automaticAuthentication) {

    /** Memory only, interactive sign-in when needed. */
    public static final UserSessionOptions DEFAULT = new UserSessionOptions(null, null, true);
}
