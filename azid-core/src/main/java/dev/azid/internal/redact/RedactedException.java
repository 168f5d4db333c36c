package dev.azid.internal.redact;

/**
 * Stands in for a foreign exception whose message held a secret: the same class name (in
 * {@link #toString()}), the masked message, the same stack trace, and a cause that is itself safe.
 */
final class RedactedException extends Exception {

    private static final long serialVersionUID = 1L;
    /** Causes deeper than this are dropped: a chain may loop. */
    private static final int MAX_DEPTH = 16;

    private final String originalClass;

    private RedactedException(String originalClass, String message, Throwable cause) {
        super(message, cause, false, true);
        this.originalClass = originalClass;
    }

    /**
     * The throwable itself when its chain is clean, else a redacted copy.
     *
     * @param t the throwable, or {@code null}
     * @param redactor masks messages
     * @return a throwable whose chain holds no secret, or {@code null}
     */
    static Throwable of(Throwable t, Redactor redactor) {
        return t == null || isClean(t, redactor) ? t : copy(t, redactor, 0);
    }

    private static boolean isClean(Throwable t, Redactor redactor) {
        int depth = 0;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (depth++ == MAX_DEPTH || c.getSuppressed().length > 0) {
                return false;
            }
            String text = c.toString();
            if (!text.equals(redactor.redact(text))) {
                return false;
            }
        }
        return true;
    }

    private static Throwable copy(Throwable t, Redactor redactor, int depth) {
        Throwable cause = t.getCause() != null && depth + 1 < MAX_DEPTH ? copy(t.getCause(), redactor, depth + 1) : null;
        RedactedException copy = new RedactedException(t.getClass().getName(), redactor.redact(t.getMessage()), cause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** The original class name and the masked message, as the original's would read. */
    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }
}
