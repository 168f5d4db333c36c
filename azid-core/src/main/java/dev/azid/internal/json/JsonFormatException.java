package dev.azid.internal.json;

/** JSON that is malformed or has a field of the wrong type. The message never quotes values. */
public final class JsonFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, without any value from the document
     */
    public JsonFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong, without any value from the document
     * @param cause the parser's failure, or {@code null}
     */
    public JsonFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
