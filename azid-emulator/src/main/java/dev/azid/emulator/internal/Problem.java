package dev.azid.emulator.internal;

/** A request the emulator refuses, carrying the Entra error to answer with. */
public final class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient EntraError error;

    /**
     * Creates it.
     *
     * @param status the HTTP status
     * @param error the OAuth error
     * @param code the AADSTS number
     * @param text the description
     */
    public Problem(int status, String error, long code, String text) {
        super("AADSTS" + code + ": " + text, null, false, false);
        this.error = new EntraError(status, error, code, text);
    }

    /** @return the error */
    public EntraError error() {
        return error;
    }

    /**
     * A missing parameter (AADSTS900144).
     *
     * @param name the parameter
     * @return the problem
     */
    public static Problem missing(String name) {
        return new Problem(400, "invalid_request", 900144,
                "The request body must contain the following parameter: '" + name + "'.");
    }
}
