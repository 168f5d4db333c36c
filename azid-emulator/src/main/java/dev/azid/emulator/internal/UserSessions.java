package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.EmulatorConfig.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What user sign-ins leave behind: authorization codes, device codes and refresh tokens. */
public final class UserSessions {

    /**
     * An issued authorization code.
     *
     * @param clientId the client it was issued to
     * @param redirectUri the redirect URI it was issued for
     * @param challenge the PKCE S256 challenge, or {@code null}
     * @param user the user
     * @param tenant the tenant
     * @param scopes the requested scopes
     * @param expiresAt when it expires
     */
    record Code(String clientId, String redirectUri, String challenge, User user, Tenant tenant, List<String> scopes,
            Instant expiresAt) {
    }

    /**
     * A device code and its state.
     *
     * @param clientId the client
     * @param userCode the code the user types
     * @param tenant the tenant
     * @param scopes the scopes
     * @param expiresAt when it expires
     * @param user the user once approved, else {@code null}
     * @param declined whether the user declined
     */
    record Device(String clientId, String userCode, Tenant tenant, List<String> scopes, Instant expiresAt, User user,
            boolean declined) {
    }

    /**
     * A live refresh token.
     *
     * @param clientId the client
     * @param user the user
     * @param tenant the tenant
     */
    record Refresh(String clientId, User user, Tenant tenant) {
    }

    final Map<String, Code> codes = new ConcurrentHashMap<>();
    final Map<String, Device> devices = new ConcurrentHashMap<>();
    final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    /** Refresh tokens of revoked sessions: Entra tells these apart (AADSTS50173) from unknown or used ones. */
    final Set<String> revokedRefreshTokens = ConcurrentHashMap.newKeySet();

    /**
     * Revokes every refresh token of a user, as Microsoft Graph's {@code revokeSignInSessions} does.
     *
     * @param username the user's sign-in name
     * @return how many refresh tokens were revoked
     */
    public int revoke(String username) {
        int n = 0;
        for (Map.Entry<String, Refresh> e : refreshTokens.entrySet()) {
            if (e.getValue().user().username().equalsIgnoreCase(username) && refreshTokens.remove(e.getKey()) != null) {
                revokedRefreshTokens.add(e.getKey());
                n++;
            }
        }
        return n;
    }
}
