package dev.azid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries credentials in order and uses the first that returns a token.
 *
 * <ul>
 *   <li>A credential that throws {@link CredentialUnavailableException} is skipped.</li>
 *   <li>A credential that throws {@link AuthenticationFailedException} stops the chain: it was
 *       configured and refused, and silently falling through to another identity would hide that.</li>
 *   <li>Any other exception is a bug and propagates unchanged.</li>
 *   <li>The first credential that returns a token is remembered and used alone afterwards
 *       (sticky); {@link #selectedCredential()} tells which.</li>
 * </ul>
 * When every credential is unavailable, the {@link CredentialUnavailableException} lists each
 * attempt on its own line with its reason. Thread-safe.
 */
public final class ChainedTokenCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "ChainedTokenCredential";

    private static final Logger LOG = LoggerFactory.getLogger(ChainedTokenCredential.class);

    private final String name;
    private final List<TokenCredential> credentials;
    private final AtomicReference<TokenCredential> selected = new AtomicReference<>();

    ChainedTokenCredential(String name, List<TokenCredential> credentials) {
        this.name = name;
        this.credentials = List.copyOf(credentials);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The credential that returned the first token, once one has.
     *
     * @return the selected credential, or empty before the first success
     */
    public java.util.Optional<TokenCredential> selectedCredential() {
        return java.util.Optional.ofNullable(selected.get());
    }

    /**
     * The credentials of the chain, in order.
     *
     * @return the credentials
     */
    public List<TokenCredential> credentials() {
        return credentials;
    }

    @Override
    public AccessToken getToken(TokenRequestContext request) {
        TokenCredential sticky = selected.get();
        if (sticky != null) {
            return sticky.getToken(request);
        }
        List<String> attempts = new ArrayList<>();
        for (TokenCredential credential : credentials) {
            try {
                return chosen(credential, credential.getToken(request));
            } catch (CredentialUnavailableException e) {
                unavailable(credential, e, attempts);
            } catch (AuthenticationFailedException e) {
                throw stopped(credential, e, attempts);
            }
        }
        throw noneAvailable(attempts);
    }

    /**
     * Tries the members in order through their own {@code getTokenAsync}, so a member that holds a
     * cached token answers on the caller's thread and a member that must fetch runs on its own
     * executor; the chain itself never blocks a thread.
     */
    @Override
    public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        TokenCredential sticky = selected.get();
        if (sticky != null) {
            return sticky.getTokenAsync(request);
        }
        return attempt(0, request, new ArrayList<>());
    }

    private CompletableFuture<AccessToken> attempt(int index, TokenRequestContext request, List<String> attempts) {
        if (index == credentials.size()) {
            return CompletableFuture.failedFuture(noneAvailable(attempts));
        }
        TokenCredential credential = credentials.get(index);
        CompletableFuture<AccessToken> answer;
        try {
            answer = credential.getTokenAsync(request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((token, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(chosen(credential, token));
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof CredentialUnavailableException e) {
                unavailable(credential, e, attempts);
                return attempt(index + 1, request, attempts);
            }
            if (cause instanceof AuthenticationFailedException e) {
                return CompletableFuture.<AccessToken>failedFuture(stopped(credential, e, attempts));
            }
            return CompletableFuture.<AccessToken>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    private AccessToken chosen(TokenCredential credential, AccessToken token) {
        if (selected.compareAndSet(null, credential)) {
            LOG.info("{}: {} returned a token; it will be used alone from now on", name, label(credential));
        }
        return token;
    }

    private void unavailable(TokenCredential credential, CredentialUnavailableException e, List<String> attempts) {
        LOG.debug("{}: {} is unavailable: {}", name, label(credential), e.getMessage());
        attempts.add(e.getMessage());
    }

    private AuthenticationFailedException stopped(TokenCredential credential, AuthenticationFailedException e,
            List<String> attempts) {
        attempts.add(e.getMessage());
        return new AuthenticationFailedException(name + ": " + label(credential)
                + " failed, so the chain stopped (a configured credential that fails is not skipped). "
                + "Attempts:\n" + lines(attempts) + "\nFix the failing credential's configuration, or remove it "
                + "from the chain.", e, e.details().orElse(null));
    }

    private CredentialUnavailableException noneAvailable(List<String> attempts) {
        return new CredentialUnavailableException(name + ": no credential in the chain could get a token. Attempts:\n"
                + lines(attempts) + "\nConfigure one of them (each line says how).");
    }

    private static String label(TokenCredential credential) {
        String s = credential.getClass().getSimpleName();
        return s.isEmpty() ? credential.getClass().getName() : s;
    }

    private static String lines(List<String> attempts) {
        StringBuilder sb = new StringBuilder();
        for (String a : attempts) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append("    ").append(a.replace("\n", "\n    "));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        credentials.forEach(c -> names.add(label(c)));
        return name + names;
    }

    /** Builds a {@link ChainedTokenCredential}. Not thread-safe. */
    public static final class Builder {
        private final List<TokenCredential> credentials = new ArrayList<>();

        private Builder() {
        }

        /**
         * Appends a credential to the chain.
         *
         * @param credential the credential
         * @return this builder
         */
        public Builder addLast(TokenCredential credential) {
            credentials.add(Objects.requireNonNull(credential, "credential"));
            return this;
        }

        /**
         * Puts a credential at the front of the chain, before those added so far.
         *
         * @param credential the credential
         * @return this builder
         */
        public Builder addFirst(TokenCredential credential) {
            credentials.add(0, Objects.requireNonNull(credential, "credential"));
            return this;
        }

        /**
         * Appends credentials to the chain.
         *
         * @param more the credentials, in order
         * @return this builder
         */
        public Builder addAll(List<? extends TokenCredential> more) {
            more.forEach(this::addLast);
            return this;
        }

        /**
         * Builds the chain.
         *
         * @return the chain
         * @throws IllegalArgumentException if no credential was added
         */
        public ChainedTokenCredential build() {
            if (credentials.isEmpty()) {
                throw new IllegalArgumentException(NAME + ": no credential was added. Call addLast(credential).");
            }
            return new ChainedTokenCredential(NAME, credentials);
        }
    }
}
