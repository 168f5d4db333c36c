package dev.azid.azure.identity;

import com.azure.core.exception.ClientAuthenticationException;
import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.TokenRequestContext;

/**
 * An azid credential over any azure-core {@code TokenCredential} that is not one of this package's
 * (an application's own, or azure-identity's), so that it can join an azid chain: its
 * {@link CredentialUnavailableException} (this package's or azure-identity's, recognised by class
 * name) makes the chain move on, another {@link ClientAuthenticationException} stops it, any other
 * exception propagates.
 */
final class ForeignCredential implements dev.azid.TokenCredential {

    private static final String REFERENCE_UNAVAILABLE = "com.azure.identity.CredentialUnavailableException";

    private final com.azure.core.credential.TokenCredential credential;

    private ForeignCredential(com.azure.core.credential.TokenCredential credential) {
        this.credential = credential;
    }

    /**
     * The azid credential for an azure-core one: the backing azid credential of this package's
     * credentials, else an adapter.
     *
     * @param credential the credential
     * @return the azid credential
     */
    static dev.azid.TokenCredential of(com.azure.core.credential.TokenCredential credential) {
        java.util.Objects.requireNonNull(credential, "credential");
        return credential instanceof BackedCredential backed ? backed.azid() : new ForeignCredential(credential);
    }

    @Override
    public AccessToken getToken(TokenRequestContext request) {
        com.azure.core.credential.AccessToken token;
        try {
            token = credential.getTokenSync(AzureIdentityMapping.toAzureCore(request));
        } catch (ClientAuthenticationException e) {
            if (isUnavailable(e)) {
                throw new dev.azid.CredentialUnavailableException(e.getMessage(), e);
            }
            throw new AuthenticationFailedException(e.getMessage(), e);
        }
        if (token == null) {
            throw new AuthenticationFailedException(credential.getClass().getSimpleName() + ": returned no token. Fix the "
                    + "credential to return a token or throw CredentialUnavailableException.");
        }
        return new AccessToken(token.getToken(), token.getExpiresAt().toInstant(),
                token.getRefreshAt() == null ? null : token.getRefreshAt().toInstant(), token.getTokenType());
    }

    private static boolean isUnavailable(Throwable e) {
        if (e instanceof CredentialUnavailableException) {
            return true;
        }
        for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(REFERENCE_UNAVAILABLE)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return credential.getClass().getSimpleName();
    }
}
