package dev.azid.test;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An executor that counts what it is handed and runs it on its own threads, all named
 * {@link #THREAD_PREFIX}{@code N}, so a test can tell "ran on the credential's executor" from
 * "ran on the caller's thread". Close it after the test.
 */
public final class RecordingExecutor implements Executor, AutoCloseable {

    /** The name every thread of this executor starts with. */
    public static final String THREAD_PREFIX = "recording-executor-";

    private final AtomicInteger submissions = new AtomicInteger();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, THREAD_PREFIX + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable command) {
        submissions.incrementAndGet();
        pool.execute(command);
    }

    /** @return how many tasks were handed to this executor so far */
    public int submissions() {
        return submissions.get();
    }

    /** @return whether the current thread is one of this executor's */
    public static boolean onExecutorThread() {
        return Thread.currentThread().getName().startsWith(THREAD_PREFIX);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
