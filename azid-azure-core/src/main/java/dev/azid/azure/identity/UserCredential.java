package dev.azid.azure.identity;

import com.azure.core.credential.TokenRequestContext;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * What the compatibility credentials that sign a user in share: {@code authenticate}, which signs
 * in now and returns who signed in, as azure-identity's user credentials do. Package-private: each
 * public user credential of this package is a final subclass. Thread-safe.
 */
abstract class UserCredential extends BackedCredential {

    private final Function<dev.azid.TokenRequestContext, dev.azid.AuthenticationRecord> signIn;
    private final Supplier<dev.azid.AuthenticationRecord> signInDefault;

    UserCredential(dev.azid.TokenCredential azid, Function<dev.azid.TokenRequestContext, dev.azid.AuthenticationRecord> signIn,
            Supplier<dev.azid.AuthenticationRecord> signInDefault) {
        super(azid);
        this.signIn = signIn;
        this.signInDefault = signInDefault;
    }

    /**
     * Signs the user in for the request's scopes when subscribed, even when a token is cached, and
     * returns who signed in: keep the record (it holds no secret) to sign in silently later with a
     * persistent cache.
     *
     * @param request the scopes to sign in for
     * @return the record; fails with {@link CredentialUnavailableException} or
     *     {@link com.azure.core.exception.ClientAuthenticationException}
     */
    public Mono<AuthenticationRecord> authenticate(TokenRequestContext request) {
        dev.azid.TokenRequestContext azid = AzureIdentityMapping.toAzid(request);
        return AzureIdentityMapping.authenticate(() -> signIn.apply(azid));
    }

    /**
     * {@link #authenticate(TokenRequestContext)} for the resource manager of the authority host's
     * cloud, as azure-identity does.
     *
     * @return the record; fails with {@link CredentialUnavailableException} when the authority host
     *     is of no known cloud
     */
    public Mono<AuthenticationRecord> authenticate() {
        return AzureIdentityMapping.authenticate(signInDefault);
    }
}
