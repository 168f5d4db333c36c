package dev.azid.azure.identity;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import dev.azid.azure.AzureCoreCredential;
import reactor.core.publisher.Mono;

/**
 * An azure-core {@link TokenCredential} backed by an azid credential through
 * {@link AzureCoreCredential}, with azure-identity's exception types: azid's
 * {@code CredentialUnavailableException} becomes this package's {@link CredentialUnavailableException}
 * (or {@link AuthenticationRequiredException}), a refusal stays a {@link ClientAuthenticationException}.
 * Package-private: each public credential of this package is a final subclass. Thread-safe.
 */
abstract class BackedCredential implements TokenCredential {

    private final dev.azid.TokenCredential azid;
    private final AzureCoreCredential adapter;

    BackedCredential(dev.azid.TokenCredential azid) {
        this.azid = azid;
        this.adapter = AzureCoreCredential.of(azid);
    }

    /**
     * Gets a token without blocking: from the cache, else fetched on the credential's executor.
     *
     * @param request the scopes, tenant, claims and CAE flag
     * @return the token, or an error: {@link CredentialUnavailableException} when this credential
     *     cannot be used here, {@link ClientAuthenticationException} when authentication failed
     */
    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return adapter.getToken(request).onErrorMap(ClientAuthenticationException.class, AzureIdentityMapping::translate);
    }

    /**
     * Gets a token, blocking while one is fetched.
     *
     * @param request the scopes, tenant, claims and CAE flag
     * @return the token
     * @throws CredentialUnavailableException if this credential cannot be used here
     * @throws ClientAuthenticationException if authentication failed
     */
    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        try {
            return adapter.getTokenSync(request);
        } catch (ClientAuthenticationException e) {
            throw AzureIdentityMapping.translate(e);
        }
    }

    /** The azid credential, for chains built of compatibility credentials. */
    final dev.azid.TokenCredential azid() {
        return azid;
    }

    /** Names the credential and its azid credential's settings, never a secret. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + azid + "]";
    }
}
