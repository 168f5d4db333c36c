package dev.azid.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The protocol of a {@link FleetChildren} child, JDK only: print {@link #READY} once the credential
 * is built, wait for the {@code go} line on standard input, get one token, print {@link #TOKEN} with
 * its length (or {@link #ERROR}), exit.
 */
final class FleetChild {

    /** Every protocol line starts with this; other output is ignored. */
    static final String PREFIX = "fleet ";
    /** The credential is built; waiting for the release. */
    static final String READY = PREFIX + "ready";
    /** The token was obtained; followed by its length. */
    static final String TOKEN = PREFIX + "token ";
    /** The token call failed; followed by the exception's class and first message line. */
    static final String ERROR = PREFIX + "error ";
    /** The release, written by the parent to every child. */
    static final byte[] GO_LINE = "go\n".getBytes(StandardCharsets.US_ASCII);

    private FleetChild() {
    }

    /**
     * Reports ready, waits for the release, gets the token and exits (status 0 with a token, 1 on an
     * error, 3 when standard input closed before the release).
     *
     * @param getToken the token call; returns the access token
     * @throws java.io.IOException if standard input cannot be read
     */
    static void readyThenToken(Callable<String> getToken) throws java.io.IOException {
        System.out.println(READY);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (in.readLine() == null) {
            System.exit(3);
        }
        try {
            String token = getToken.call();
            ChildOutput.printAndExit(TOKEN + token.length(), 0);
        } catch (Exception e) {
            ChildOutput.printAndExit(ERROR + ChildOutput.describe(e), 1);
        }
    }
}
