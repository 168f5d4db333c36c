package dev.azid.azure.identity;

import com.azure.core.credential.TokenRequestContext;

/**
 * A user credential built with {@code disableAutomaticAuthentication()} needs the user to sign in:
 * call its {@code authenticate(...)} with {@link #getTokenRequestContext()}, then ask again. A
 * {@link CredentialUnavailableException}, so a chain moves on, as in azure-identity.
 */
public final class AuthenticationRequiredException extends CredentialUnavailableException {

    private static final long serialVersionUID = 1L;

    /** The request is not serializable; a deserialized exception has none. */
    private final transient TokenRequestContext request;

    /**
     * Creates the exception.
     *
     * @param message why sign-in is needed and what to do
     * @param request the request that needs it
     */
    public AuthenticationRequiredException(String message, TokenRequestContext request) {
        super(message);
        this.request = request;
    }

    /**
     * Creates the exception.
     *
     * @param message why sign-in is needed and what to do
     * @param request the request that needs it
     * @param cause the cause
     */
    public AuthenticationRequiredException(String message, TokenRequestContext request, Throwable cause) {
        super(message, cause);
        this.request = request;
    }

    /**
     * The request that needs an interactive sign-in.
     *
     * @return the request, or {@code null} after deserialization
     */
    public TokenRequestContext getTokenRequestContext() {
        return request;
    }
}
