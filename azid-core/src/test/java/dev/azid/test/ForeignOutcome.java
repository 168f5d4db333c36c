package dev.azid.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.CredentialUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The properties every parser of foreign input must keep, checked on one call: it ends within a
 * time bound; it returns a token whose expiry is after now (and not absurdly far away) or throws
 * one of the documented exception kinds; and no planted secret appears in the exception's message,
 * {@code toString()}, causes or any log line (captured at TRACE).
 */
public final class ForeignOutcome {

    /** The furthest expiry a returned token may have: no Azure token lives anywhere near a year. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);

    private final List<Class<? extends Throwable>> allowed = new ArrayList<>(
            List.of(CredentialUnavailableException.class, AuthenticationFailedException.class));
    private Duration bound = Duration.ofSeconds(10);

    /** @return the checker for credential calls: the two documented failure kinds */
    public static ForeignOutcome credential() {
        return new ForeignOutcome();
    }

    /**
     * Also allows another exception type (for example {@code IllegalArgumentException} for input
     * that counts as the caller's configuration).
     *
     * @param type the type
     * @return this
     */
    public ForeignOutcome alsoAllowing(Class<? extends Throwable> type) {
        allowed.add(type);
        return this;
    }

    /**
     * @param value the time bound of one call
     * @return this
     */
    public ForeignOutcome within(Duration value) {
        this.bound = value;
        return this;
    }

    /**
     * Checks a call that yields a token.
     *
     * @param clock the credential's clock, read after the call (retries may advance it)
     * @param secrets values that must never show
     * @param call the call
     * @return the token, or {@code null} when the call failed in an allowed way
     */
    public AccessToken assertToken(Clock clock, Collection<String> secrets, Callable<AccessToken> call) {
        Object result = assertSafe(secrets, call::call);
        if (result instanceof AccessToken token) {
            Instant now = clock.instant();
            assertThat(token.token()).as("token value").isNotBlank();
            assertThat(token.expiresAt()).as("expiry of a returned token").isAfter(now)
                    .isBefore(now.plus(MAX_LIFETIME));
            return token;
        }
        return null;
    }

    /**
     * Checks any call: allowed outcome, time bound, no secret in failures or logs.
     *
     * @param secrets values that must never show
     * @param call the call
     * @return the call's result, or {@code null} when it failed in an allowed way
     */
    public Object assertSafe(Collection<String> secrets, Callable<?> call) {
        LogCapture logs = new LogCapture();
        logs.beforeEach(null);
        Object result = null;
        try {
            result = assertTimeoutPreemptively(bound, () -> {
                try {
                    return call.call();
                } catch (Throwable t) {
                    return new Failure(t);
                }
            });
        } finally {
            logs.afterEach(null);
        }
        for (String s : secrets) {
            assertThat(logs.all()).as("log lines").doesNotContain(s);
        }
        if (result instanceof Failure f) {
            Throwable t = f.error;
            if (allowed.stream().noneMatch(a -> a.isInstance(t))) {
                fail("unexpected exception type " + t.getClass().getName(), t);
            }
            for (Throwable c = t; c != null; c = c.getCause()) {
                for (String s : secrets) {
                    assertThat(String.valueOf(c.getMessage())).as("message of " + c.getClass().getSimpleName()).doesNotContain(s);
                    assertThat(c.toString()).as("toString of " + c.getClass().getSimpleName()).doesNotContain(s);
                }
            }
            return null;
        }
        return result;
    }

    private record Failure(Throwable error) {
    }
}
