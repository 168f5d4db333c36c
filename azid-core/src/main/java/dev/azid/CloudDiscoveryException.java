package dev.azid;

/**
 * A cloud could not be discovered from an ARM metadata endpoint: the endpoint could not be reached,
 * answered an error, or answered something that is not Azure cloud metadata. The message names the
 * URL (without query), what was wrong, and what to do.
 */
public final class CloudDiscoveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do
     * @param cause the underlying failure, or {@code null}
     */
    public CloudDiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
