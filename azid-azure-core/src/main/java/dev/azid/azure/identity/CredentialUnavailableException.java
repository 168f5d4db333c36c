package dev.azid.azure.identity;

import com.azure.core.exception.ClientAuthenticationException;

/**
 * A credential cannot try in this environment (a variable is missing, a tool is not installed or not
 * signed in): a {@link ChainedTokenCredential} or {@link DefaultAzureCredential} moves on to its next
 * credential. As {@code com.azure.identity.CredentialUnavailableException}, it is a
 * {@link ClientAuthenticationException}. The compatibility credentials throw it where azid throws
 * {@code dev.azid.CredentialUnavailableException}, which is then its cause.
 */
public class CredentialUnavailableException extends ClientAuthenticationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is missing and what to do
     */
    public CredentialUnavailableException(String message) {
        super(message, null);
    }

    /**
     * Creates the exception.
     *
     * @param message what is missing and what to do
     * @param cause the cause
     */
    public CredentialUnavailableException(String message, Throwable cause) {
        super(message, null, cause);
    }
}
