package dev.azid;

/**
 * A user credential needs the user to sign in interactively, but it was built with
 * {@code disableAutomaticAuthentication()}: call its {@code authenticate()} (for example at a time
 * the application chooses to show a browser or a device code), then ask again. As in
 * {@code azure-identity}, it is a {@link CredentialUnavailableException}, so a chain moves on to its
 * next credential.
 */
public final class AuthenticationRequiredException extends CredentialUnavailableException {

    private static final long serialVersionUID = 1L;

    /** The request is not serializable; a deserialized exception has none. */
    private final transient TokenRequestContext request;

    /**
     * Creates the exception.
     *
     * @param message why sign-in is needed and what to do, starting with the credential's name
     * @param request the request that needs it
     */
    public AuthenticationRequiredException(String message, TokenRequestContext request) {
        super(message);
        this.request = request;
    }

    /**
     * The request that needs an interactive sign-in: pass its scopes to {@code authenticate(...)}.
     *
     * @return the request, or {@code null} after deserialization
     */
    public TokenRequestContext request() {
        return request;
    }
}
