package dev.azid.internal.cert;

/**
 * A certificate file that cannot be used. The message completes the sentence "the certificate
 * &lt;source&gt; ..." and never holds key material or a password.
 */
public final class CertificateLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, as a sentence predicate
     * @param cause the cause, or {@code null} when it could reveal secrets
     */
    public CertificateLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
