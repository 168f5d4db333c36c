package dev.azid.internal.util;

import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * Waiting the same way everywhere: an interrupted wait keeps the thread's interrupt flag and says
 * what it waited for, and a failed task's unchecked failure is thrown as its own.
 */
public final class Waits {

    private Waits() {
    }

    /**
     * Restores the thread's interrupt flag and names the interrupted wait, for the caller to throw.
     *
     * @param what what was being waited for, e.g. {@code interrupted while waiting for a token}
     * @param e the interrupt
     * @return the exception, with the interrupt as its cause
     */
    public static CancellationException interrupted(String what, InterruptedException e) {
        Thread.currentThread().interrupt();
        CancellationException ce = new CancellationException(what);
        ce.initCause(e);
        return ce;
    }

    /**
     * Restores the thread's interrupt flag and names the interrupted wait, for I/O code to throw.
     *
     * @param what what was being waited for, e.g. {@code interrupted while waiting to retry}
     * @param e the interrupt
     * @return the exception, with the interrupt as its cause
     */
    public static InterruptedIOException interruptedIo(String what, InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException ie = new InterruptedIOException(what);
        ie.initCause(e);
        return ie;
    }

    /**
     * The cause of a failed task, thrown as it is when it is unchecked (a {@link RuntimeException} or
     * an {@link Error}), so that callers see the task's own failure.
     *
     * @param e the failure
     * @return the cause when it is checked, for the caller to wrap
     */
    public static Throwable uncheckedCause(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return cause;
    }
}
