package dev.azid;

import java.util.Optional;

/**
 * The credential tried to authenticate and failed: the identity provider refused it, answered
 * with something unusable, or could not be reached; or the credential is configured with a value
 * that can never work. A chain of credentials stops and reports this exception.
 *
 * <p>When the failure came from an HTTP answer, {@link #details()} holds the non-secret parts of
 * it: status, OAuth error, AADSTS code and correlation id, which Microsoft support asks for.
 */
public final class AuthenticationFailedException extends CredentialException {

    private static final long serialVersionUID = 1L;

    /** Non-secret facts from the identity provider's error answer. */
    private final transient ErrorDetails details;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do, starting with the credential's name
     */
    public AuthenticationFailedException(String message) {
        this(message, null, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what failed and what to do, starting with the credential's name
     * @param cause the underlying failure
     */
    public AuthenticationFailedException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * Creates the exception with the details of an HTTP error answer.
     *
     * @param message what failed and what to do, starting with the credential's name
     * @param cause the underlying failure, or {@code null}
     * @param details the answer's non-secret details, or {@code null}
     */
    public AuthenticationFailedException(String message, Throwable cause, ErrorDetails details) {
        super(message, cause);
        this.details = details;
    }

    /**
     * Returns the details of the identity provider's error answer, when there was one.
     *
     * @return the details, or empty when the failure did not come from an HTTP answer
     */
    public Optional<ErrorDetails> details() {
        return Optional.ofNullable(details);
    }

    /**
     * Non-secret facts from an identity provider's error answer.
     *
     * @param httpStatus the HTTP status code
     * @param error the OAuth 2.0 {@code error} value, or {@code null}
     * @param errorCode the first Entra error code, such as {@code AADSTS7000215}, or {@code null}
     * @param description the first line of {@code error_description}, or {@code null}
     * @param correlationId the correlation id to give Microsoft support, or {@code null}
     * @param traceId the trace id, or {@code null}
     */
    public record ErrorDetails(int httpStatus, String error, String errorCode, String description,
            String correlationId, String traceId) {
    }
}
