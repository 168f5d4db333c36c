package dev.azid.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * What the whole-process children print, one fact a line, for {@link WholeProcessHarness} to read.
 * Uses the JDK only, so that it loads the same classes in every child.
 */
final class ChildOutput {

    /** First line after the first token: the parent stops the cold-start clock when it reads it. */
    static final String TOKEN = "token ";
    /** The child's total loaded class count, printed after {@link #TOKEN}. */
    static final String CLASSES = "classes ";

    private ChildOutput() {
    }

    /**
     * Reports the first token: its length at once (the parent's clock stops on this line), then the
     * number of classes the JVM has loaded (this adds the few classes {@link ManagementFactory}
     * needs, the same in every child), then exits.
     *
     * @param token the access token
     */
    static void tokenObtainedAndExit(String token) {
        System.out.println(TOKEN + token.length());
        System.out.flush();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        System.out.println(CLASSES + classes);
        System.out.flush();
        System.exit(0);
    }

    /**
     * Prints a line and exits.
     *
     * @param line the line
     * @param status the exit status
     */
    static void printAndExit(String line, int status) {
        System.out.println(line);
        System.out.flush();
        System.exit(status);
    }

    /**
     * Reads a required environment variable.
     *
     * @param name the name
     * @return the value
     */
    static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalStateException(name + " is not set");
        }
        return v;
    }

    /**
     * One line for an exception: its class and the first line of its message, at most 160 characters.
     *
     * @param e the exception
     * @return the description
     */
    static String describe(Throwable e) {
        String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (m.length() > 160) {
            m = m.substring(0, 160) + "...";
        }
        return e.getClass().getName() + ": " + m;
    }
}
