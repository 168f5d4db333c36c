package dev.azid.internal.oauth2;

import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * A client assertion supplied by the caller (a federated token from another identity provider, or
 * an assertion signed elsewhere). The last assertion is reused until 5 minutes before its
 * {@code exp}; an assertion whose expiry cannot be read is fetched anew for every token request.
 */
public final class AssertionAuthentication extends JwtClientAuthentication {

    private static final long REUSE_MARGIN_SECONDS = 300;

    private final String credentialName;
    private final Supplier<String> supplier;
    private final Clock clock;
    private final boolean reuse;
    private String cached;
    private long cachedExpiry;

    /**
     * Creates it.
     *
     * @param credentialName the credential, for messages
     * @param supplier returns an assertion; called on a token request when needed
     * @param fingerprint identifies the supplier for cache keys
     * @param clock decides when a cached assertion is too old
     */
    public AssertionAuthentication(String credentialName, Supplier<String> supplier, String fingerprint, Clock clock) {
        this(credentialName, supplier, fingerprint, clock, true);
    }

    /**
     * Creates it, optionally asking the supplier every time (for suppliers that cache themselves).
     *
     * @param credentialName the credential, for messages
     * @param supplier returns an assertion
     * @param fingerprint identifies the supplier for cache keys
     * @param clock decides when a cached assertion is too old
     * @param reuse whether to reuse an assertion until 5 minutes before its {@code exp}
     */
    public AssertionAuthentication(String credentialName, Supplier<String> supplier, String fingerprint, Clock clock,
            boolean reuse) {
        super(fingerprint);
        this.reuse = reuse;
        this.credentialName = credentialName;
        this.supplier = supplier;
        this.clock = clock;
    }

    /** The last assertion while it is fresh enough, else the supplier's next one; the audience is the supplier's business. */
    @Override
    synchronized String assertion(URI tokenEndpoint) {
        long now = clock.millis() / 1000;
        if (reuse && cached != null && now < cachedExpiry - REUSE_MARGIN_SECONDS) {
            return cached;
        }
        String assertion = supplier.get();
        if (assertion == null || assertion.isBlank()) {
            throw new dev.azid.AuthenticationFailedException(credentialName + ": the client assertion supplier returned "
                    + "no assertion. Make it return a signed JWT.");
        }
        assertion = assertion.trim();
        cached = assertion;
        cachedExpiry = expiry(assertion);
        return assertion;
    }

    /** The {@code exp} claim, or 0 when the assertion is not a readable JWT. */
    static long expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return 0;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            return JsonObject.parse(new String(payload, StandardCharsets.UTF_8)).integer("exp").orElse(0L);
        } catch (IllegalArgumentException | JsonFormatException e) {
            return 0;
        }
    }

    @Override
    public String method() {
        return "assertion";
    }

    @Override
    public String toString() {
        return "AssertionAuthentication[assertion=<redacted>]";
    }
}
