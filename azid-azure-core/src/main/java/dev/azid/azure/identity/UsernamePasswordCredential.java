package dev.azid.azure.identity;

import com.azure.core.credential.TokenRequestContext;
import reactor.core.publisher.Mono;

/**
 * Signs a user in with a username and password (the resource owner password grant, which Microsoft
 * discourages and multi-factor authentication refuses). An azure-core {@code TokenCredential} with
 * the name and behaviour of {@code com.azure.identity.UsernamePasswordCredential}, backed by
 * {@code dev.azid.UsernamePasswordCredential}. Built by {@link UsernamePasswordCredentialBuilder}.
 * Thread-safe.
 */
public final class UsernamePasswordCredential extends BackedCredential {

    UsernamePasswordCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }

    /**
     * Not supported yet: azid's username/password credential returns no authentication record.
     *
     * @param request ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    public Mono<AuthenticationRecord> authenticate(TokenRequestContext request) {
        throw Unsupported.feature("UsernamePasswordCredential", "authenticate(TokenRequestContext)", "Call getToken or "
                + "getTokenSync: this credential needs no interactive sign-in, and the username is already known.");
    }

    /**
     * Not supported yet; see {@link #authenticate(TokenRequestContext)}.
     *
     * @return never
     * @throws UnsupportedOperationException always
     */
    public Mono<AuthenticationRecord> authenticate() {
        throw Unsupported.feature("UsernamePasswordCredential", "authenticate()", "Call getToken or getTokenSync: this "
                + "credential needs no interactive sign-in, and the username is already known.");
    }
}
