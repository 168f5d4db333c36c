package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.EmulatorConfig.User;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The live refresh tokens of user sign-ins: issued with each user token, single use, revocable per user. Thread-safe. */
final class RefreshTokens {

    /** A live refresh token's grant. */
    private record Refresh(String clientId, User user, Tenant tenant) {
    }

    private final Map<String, Refresh> live = new ConcurrentHashMap<>();
    /** Refresh tokens of revoked sessions: Entra tells these apart (AADSTS50173) from unknown or used ones. */
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    /**
     * Issues a refresh token.
     *
     * @param clientId the client
     * @param user the user
     * @param tenant the tenant
     * @return the token
     */
    String issue(String clientId, User user, Tenant tenant) {
        String rt = "rt." + UUID.randomUUID() + UUID.randomUUID();
        live.put(rt, new Refresh(clientId, user, tenant));
        return rt;
    }

    /**
     * Redeems (and so uses up) a refresh token.
     *
     * @param token the token
     * @param clientId the client presenting it
     * @return its sign-in, without scopes
     * @throws Problem AADSTS50173 if revoked, 700082 if unknown, used or another client's
     */
    SignIn redeem(String token, String clientId) {
        if (revoked.contains(token)) {
            throw new Problem(400, "invalid_grant", 50173, "The provided grant has expired due to it being revoked, a "
                    + "fresh auth token is needed. The user might have changed or reset their password.");
        }
        Refresh r = live.remove(token);
        if (r == null || !r.clientId().equals(clientId)) {
            throw new Problem(400, "invalid_grant", 700082, "The refresh token has expired or was already used. The user "
                    + "must sign in again.");
        }
        return new SignIn(r.user(), r.tenant(), List.of());
    }

    /**
     * Revokes every refresh token of a user, as Microsoft Graph's {@code revokeSignInSessions} does.
     *
     * @param username the user's sign-in name
     * @return how many refresh tokens were revoked
     */
    int revoke(String username) {
        int n = 0;
        for (Map.Entry<String, Refresh> e : live.entrySet()) {
            if (e.getValue().user().username().equalsIgnoreCase(username) && live.remove(e.getKey()) != null) {
                revoked.add(e.getKey());
                n++;
            }
        }
        return n;
    }
}
