package dev.azid.internal.cache;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.internal.json.JsonObject;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What a valid token expiry is, for every parser of a token answer and for the token cache, which
 * checks every fetched token once more: strictly after the current time and at most
 * {@link #MAX_LIFETIME} after it. Parsers name the field; nothing here ever quotes a token or the
 * raw text of a field.
 */
public final class TokenExpiry {

    /**
     * The longest lifetime a token may claim: 7 days. Entra ID access tokens live 60 to 90 minutes
     * by default, at most a day with a configured lifetime policy, and up to 28 hours with
     * continuous access evaluation; managed-identity tokens live about 24 hours. A week leaves room
     * for all of them and still refuses "never expires" placeholders (year 9999, 2<sup>32</sup>-1).
     */
    public static final Duration MAX_LIFETIME = Duration.ofDays(7);

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");

    private TokenExpiry() {
    }

    /**
     * Reads a whole number of seconds: a JSON integer, or a string of at most 18 digits (some
     * endpoints quote numbers). Fractions, exponents, {@code NaN} and longer numbers are refused.
     *
     * @param json the answer
     * @param field the field
     * @return the value, or empty when the field is absent, null or an empty string
     * @throws IllegalStateException naming the field when it is present but not such a number
     */
    public static OptionalLong seconds(JsonObject json, String field) {
        Object v = json.asMap().get(field);
        if (v == null || v instanceof String s && s.isBlank()) {
            return OptionalLong.empty();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return OptionalLong.of(((Number) v).longValue());
        }
        if (v instanceof BigInteger b && b.bitLength() < 60) {
            return OptionalLong.of(b.longValue());
        }
        if (v instanceof String s && WHOLE.matcher(s.trim()).matches()) {
            return OptionalLong.of(Long.parseLong(s.trim()));
        }
        throw new IllegalStateException(field + " is not a whole number of seconds");
    }

    /**
     * Checks an expiry given as epoch seconds.
     *
     * @param field the field, for the message
     * @param epochSeconds the value
     * @param now the current time
     * @return the expiry
     * @throws IllegalStateException when it is not after {@code now} or too far after it
     */
    public static Instant epoch(String field, long epochSeconds, Instant now) {
        if (epochSeconds <= now.getEpochSecond()) {
            throw past(field, epochSeconds < -1_000_000_000_000L ? null : Instant.ofEpochSecond(epochSeconds), now);
        }
        if (epochSeconds - now.getEpochSecond() > MAX_LIFETIME.getSeconds()) {
            throw tooFar(field, now);
        }
        return Instant.ofEpochSecond(epochSeconds);
    }

    /**
     * Checks an expiry given as an instant (a parsed date).
     *
     * @param field the field, for the message
     * @param expiresAt the value
     * @param now the current time
     * @return the expiry
     * @throws IllegalStateException when it is not after {@code now} or too far after it
     */
    public static Instant instant(String field, Instant expiresAt, Instant now) {
        if (!expiresAt.isAfter(now)) {
            throw past(field, expiresAt, now);
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw tooFar(field, now);
        }
        return expiresAt;
    }

    /**
     * Checks a lifetime in seconds ({@code expires_in}).
     *
     * @param field the field, for the message
     * @param seconds the value
     * @param now when the answer arrived
     * @return the expiry
     * @throws IllegalStateException when it is not positive or longer than {@link #MAX_LIFETIME}
     */
    public static Instant lifetime(String field, long seconds, Instant now) {
        if (seconds <= 0) {
            throw new IllegalStateException(field + " is " + seconds + ", not a positive number of seconds (the token "
                    + "is already expired)");
        }
        if (seconds > MAX_LIFETIME.getSeconds()) {
            throw new IllegalStateException(field + " is " + seconds + " s, longer than the " + MAX_LIFETIME.toDays()
                    + " days any access token lives (a placeholder, not an expiry)");
        }
        return now.plusSeconds(seconds);
    }

    /**
     * Tells whether an expiry is usable now: after {@code now}, within {@link #MAX_LIFETIME}.
     *
     * @param expiresAt the expiry
     * @param now the current time
     * @return whether a token with it may be handed out
     */
    public static boolean usable(Instant expiresAt, Instant now) {
        return expiresAt.isAfter(now) && !expiresAt.isAfter(now.plus(MAX_LIFETIME));
    }

    /**
     * The last check of every fetched token, whatever its source.
     *
     * @param credentialName the credential, for the message
     * @param token the token
     * @param now the current time
     * @throws AuthenticationFailedException when its expiry is not {@link #usable}
     */
    public static void requireUsable(String credentialName, AccessToken token, Instant now) {
        if (usable(token.expiresAt(), now)) {
            return;
        }
        String why = token.expiresAt().isAfter(now)
                ? "more than " + MAX_LIFETIME.toDays() + " days after the current time " + now + ", longer than any access "
                        + "token lives"
                : "not after the current time " + now + ", so it is already expired";
        throw new AuthenticationFailedException(credentialName + ": the token it received expires at " + token.expiresAt()
                + ", " + why + "; it is refused as a malformed answer. Check this machine's clock, and that the endpoint "
                + "is the real identity provider.");
    }

    private static IllegalStateException past(String field, Instant at, Instant now) {
        return new IllegalStateException(field + " is " + (at == null ? "long before 1970" : at.toString())
                + ", which is not after the current time " + now + " (the token is already expired, or this machine's "
                + "clock is wrong)");
    }

    private static IllegalStateException tooFar(String field, Instant now) {
        return new IllegalStateException(field + " is more than " + MAX_LIFETIME.toDays() + " days after the current time "
                + now + ", longer than any access token lives (a placeholder, not an expiry)");
    }
}
