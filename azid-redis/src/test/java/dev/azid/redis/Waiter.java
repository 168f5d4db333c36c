package dev.azid.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A thread waiting in {@link RedisTokenStore#awaitChange}, for tests of what wakes it. */
final class Waiter {

    private Waiter() {
    }

    /**
     * Starts {@code store.awaitChange(key, wait)} on a thread of its own and returns once it waits.
     *
     * @param store the store to wait on
     * @param key the key
     * @param wait how long it waits at most
     * @return completes when the wait returns
     */
    static CompletableFuture<Void> start(RedisTokenStore store, String key, Duration wait) {
        CompletableFuture<Void> woken = CompletableFuture.runAsync(() -> {
            try {
                store.awaitChange(key, wait);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, runnable -> new Thread(runnable, "waiter").start());
        while (store.waiting(key) == 0) {
            Thread.onSpinWait();
        }
        return woken;
    }
}
