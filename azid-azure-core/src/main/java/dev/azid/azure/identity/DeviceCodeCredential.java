package dev.azid.azure.identity;

import com.azure.core.credential.TokenRequestContext;
import reactor.core.publisher.Mono;

/**
 * Signs a user in with a code entered on another device. An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.DeviceCodeCredential}, backed by {@code dev.azid.DeviceCodeCredential}. Built by {@link DeviceCodeCredentialBuilder}.
 * Thread-safe.
 */
public final class DeviceCodeCredential extends BackedCredential {

    private final dev.azid.DeviceCodeCredential credential;
    private final String defaultScope;

    DeviceCodeCredential(dev.azid.DeviceCodeCredential credential, String defaultScope) {
        super(credential);
        this.credential = credential;
        this.defaultScope = defaultScope;
    }

    /**
     * Signs the user in interactively for the request's scopes when subscribed, even when a token is
     * cached, and returns who signed in: keep the record (it holds no secret) to sign in silently
     * later with a persistent cache.
     *
     * @param request the scopes to sign in for
     * @return the record; fails with {@link CredentialUnavailableException} or
     *     {@link com.azure.core.exception.ClientAuthenticationException}
     */
    public Mono<AuthenticationRecord> authenticate(TokenRequestContext request) {
        return AzureIdentityMapping.authenticate(() -> credential.authenticate(AzureIdentityMapping.toAzid(request)));
    }

    /**
     * {@link #authenticate(TokenRequestContext)} for the resource manager of the authority host's
     * cloud, as azure-identity does.
     *
     * @return the record; fails with {@link CredentialUnavailableException} when the authority host
     *     is of no known cloud
     */
    public Mono<AuthenticationRecord> authenticate() {
        return AzureIdentityMapping.authenticateDefault("DeviceCodeCredential", defaultScope, this::authenticate);
    }
}
