package dev.azid;

/**
 * The credential cannot try to authenticate in this environment: for example its environment
 * variables are not set, or the tool it needs is not installed. A chain of credentials moves on
 * to the next one. {@link AuthenticationRequiredException} is the one kind of it: a user credential
 * that would need the user's interaction, which its settings forbid.
 */
public sealed class CredentialUnavailableException extends CredentialException permits AuthenticationRequiredException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is missing and what to do, starting with the credential's name
     */
    public CredentialUnavailableException(String message) {
        super(message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is missing and what to do, starting with the credential's name
     * @param cause the underlying failure
     */
    public CredentialUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
