package dev.azid.emulator.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The emulator's pool threads: daemons, so that a test JVM never waits for them, named for thread dumps. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    /**
     * @param prefix the name before the thread's number, e.g. {@code azid-emulator-}
     * @return a factory of daemon threads named the prefix and 1, 2, 3...
     */
    static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
