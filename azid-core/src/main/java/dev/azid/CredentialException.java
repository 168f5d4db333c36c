package dev.azid;

/**
 * The base of the two ways a credential fails. Catch it to handle both; catch a subtype to tell
 * "cannot try here" ({@link CredentialUnavailableException}) from "tried and was refused"
 * ({@link AuthenticationFailedException}).
 *
 * <p>Messages start with the credential's name, say what happened and what to do, and never hold
 * a secret, token, assertion or password.
 */
public abstract sealed class CredentialException extends RuntimeException
        permits CredentialUnavailableException, AuthenticationFailedException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message, starting with the credential's name
     * @param cause the underlying failure, or {@code null}
     */
    protected CredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
