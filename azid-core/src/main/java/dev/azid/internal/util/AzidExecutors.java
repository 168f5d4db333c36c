package dev.azid.internal.util;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * azid's default executor for blocking token work started by {@code getTokenAsync}: daemon threads
 * named {@code azid-token-N}, created on demand and retired after 60 s idle, never the common
 * fork-join pool (whose saturation by application code deadlocked other Azure libraries).
 */
public final class AzidExecutors {

    private static final int MAX_THREADS = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);

    private AzidExecutors() {
    }

    /**
     * The shared executor, created on first use.
     *
     * @return the executor
     */
    public static ExecutorService shared() {
        return Holder.EXECUTOR;
    }

    private static final class Holder {
        static final ExecutorService EXECUTOR = create();

        private static ExecutorService create() {
            AtomicInteger counter = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "azid-token-" + counter.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), factory);
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
