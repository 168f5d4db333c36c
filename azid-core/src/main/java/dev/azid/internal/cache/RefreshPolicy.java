package dev.azid.internal.cache;

import java.time.Duration;
import java.time.Instant;

/**
 * When a new token should be refreshed.
 *
 * <ul>
 *   <li>When the server says ({@code refresh_in}), then.</li>
 *   <li>Otherwise at half of its lifetime when it lives 2 hours or more (as MSAL does for managed
 *       identity), else at 80 % of its lifetime: a one-hour token is refreshed after 48 minutes.</li>
 *   <li>Never later than 5 minutes before expiry; a token that lives 10 minutes or less is
 *       refreshed at half its lifetime.</li>
 * </ul>
 */
public final class RefreshPolicy {

    /** The latest a refresh starts, before expiry. */
    public static final Duration LATEST_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private static final Duration LONG_LIVED = Duration.ofHours(2);
    private static final Duration SHORT_LIVED = Duration.ofMinutes(10);

    private RefreshPolicy() {
    }

    /**
     * Computes the refresh instant of a token.
     *
     * @param now when the token was received
     * @param expiresAt its expiry
     * @param serverRefreshIn the server's {@code refresh_in}, or {@code null}
     * @return when to refresh: after {@code now}, before {@code expiresAt}
     */
    public static Instant refreshAt(Instant now, Instant expiresAt, Duration serverRefreshIn) {
        Duration lifetime = Duration.between(now, expiresAt);
        if (lifetime.isNegative() || lifetime.isZero()) {
            return expiresAt;
        }
        if (lifetime.compareTo(SHORT_LIVED) <= 0) {
            return now.plus(lifetime.dividedBy(2));
        }
        Instant candidate;
        if (serverRefreshIn != null && !serverRefreshIn.isNegative()) {
            // A hint beyond the lifetime means "late": clamped below, without adding a huge duration to now.
            candidate = serverRefreshIn.compareTo(lifetime) >= 0 ? expiresAt : now.plus(serverRefreshIn);
        } else if (lifetime.compareTo(LONG_LIVED) >= 0) {
            candidate = now.plus(lifetime.dividedBy(2));
        } else {
            candidate = now.plus(lifetime.multipliedBy(4).dividedBy(5));
        }
        Instant latest = expiresAt.minus(LATEST_BEFORE_EXPIRY);
        return candidate.isAfter(latest) ? latest : candidate;
    }
}
