package dev.azid.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Many callers at once on a cold cache: starts {@code callers} threads, holds them at a latch, releases
 * them together and times until every one has its token (or failed). JDK only.
 */
final class Stampede {

    /** Line prefix of the result a stampede child prints. */
    static final String RESULT = "stampede ";

    private Stampede() {
    }

    /**
     * What happened.
     *
     * @param callers threads started
     * @param succeeded calls that returned
     * @param failed calls that threw
     * @param timedOut whether some calls were still running at the timeout
     * @param elapsedNanos from the release to the last call's end (or to the timeout)
     * @param firstError the first failure, or empty
     * @param stuck on a timeout, where the waiting threads were (see {@link #stuckThreads()}), else empty
     */
    record Outcome(int callers, int succeeded, int failed, boolean timedOut, long elapsedNanos, String firstError,
            String stuck) {

        /** @return the line a child prints, {@code key=value} pairs after {@link #RESULT} */
        String toLine() {
            return RESULT + "callers=" + callers + " succeeded=" + succeeded + " failed=" + failed
                    + " timedOut=" + timedOut + " elapsedMs=" + String.format(java.util.Locale.ROOT, "%.1f",
                    elapsedNanos / 1e6) + " firstError=" + firstError.replace(' ', '_') + " stuck=" + stuck;
        }
    }

    /**
     * Runs the stampede.
     *
     * @param callers how many threads
     * @param call what each thread does once
     * @param timeout how long to wait for all of them, after the release
     * @return the outcome
     * @throws InterruptedException if interrupted
     */
    static Outcome run(int callers, Callable<?> call, Duration timeout) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(callers);
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>("");
        for (int i = 0; i < callers; i++) {
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    call.call();
                    succeeded.incrementAndGet();
                } catch (Exception e) {
                    failed.incrementAndGet();
                    firstError.compareAndSet("", ChildOutput.describe(e));
                } finally {
                    done.countDown();
                }
            }, "caller-" + i);
            t.setDaemon(true);
            t.start();
        }
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the caller threads did not start within 60 s");
        }
        long start = System.nanoTime();
        go.countDown();
        boolean all = done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long elapsed = System.nanoTime() - start;
        return new Outcome(callers, succeeded.get(), failed.get(), !all, elapsed, firstError.get(),
                all ? "" : stuckThreads());
    }

    /**
     * Where the waiting threads of this JVM are: the three largest groups of (thread name without its
     * number, first stack frame outside the JDK), e.g. {@code 20xazure-sdk-global-thread@a.b.C.m}.
     *
     * @return the groups, comma-separated, no spaces
     */
    static String stuckThreads() {
        Map<String, Integer> groups = new HashMap<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread.State state = e.getKey().getState();
            if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING
                    && state != Thread.State.BLOCKED) {
                continue;
            }
            String frame = Arrays.stream(e.getValue()).map(f -> f.getClassName() + "." + f.getMethodName())
                    .filter(f -> !f.startsWith("java.") && !f.startsWith("jdk.") && !f.startsWith("sun."))
                    .findFirst().orElse(null);
            if (frame != null && !frame.startsWith(Stampede.class.getName())) {
                String name = e.getKey().getName().replaceAll("[-#]?\\d+$", "");
                groups.merge(name + "@" + frame, 1, Integer::sum);
            }
        }
        return groups.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
                .map(g -> g.getValue() + "x" + g.getKey().replace(' ', '_')).collect(Collectors.joining(","));
    }
}
