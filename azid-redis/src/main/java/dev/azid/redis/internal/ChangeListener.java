package dev.azid.redis.internal;

import java.io.Closeable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One store's subscriber: a single daemon thread holds one connection subscribed to every key's
 * channel ({@link RedisNames#channelPattern()}) and wakes the threads waiting for a key when its
 * channel is published. When the subscription breaks it wakes every waiter, so that they look at
 * the store again, and subscribes again after a pause (50 ms doubling up to 2 s) until it is
 * {@linkplain #close() closed}. Started on first use; thread-safe.
 */
public final class ChangeListener implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long MAX_PAUSE_MILLIS = 2_000;

    private final RedisNames names;
    private final Supplier<Jedis> connect;
    private final String server;
    private final ConcurrentHashMap<String, Signal> signals = new ConcurrentHashMap<>();
    private final Signal subscription = new Signal();
    private volatile boolean listening;
    private volatile boolean closed;
    private volatile Jedis connection;
    private Thread thread;
    private boolean refusalLogged;

    /**
     * Creates it, not started.
     *
     * @param names the store's names
     * @param connect opens a new connection (not from the pool: a subscribed connection runs no other command)
     * @param server names the server in log lines
     */
    public ChangeListener(RedisNames names, Supplier<Jedis> connect, String server) {
        this.names = names;
        this.connect = connect;
        this.server = server;
    }

    /** @return whether the subscription is in place, so that every change from now on is heard */
    public boolean listening() {
        return listening;
    }

    /**
     * Counts the threads waiting for a key.
     *
     * @param key the store key
     * @return how many are registered
     */
    public int waiting(String key) {
        Signal s = signals.get(key);
        return s == null ? 0 : s.waiters;
    }

    /** Starts the subscriber thread unless it runs already or the listener is closed. */
    public synchronized void start() {
        if (thread == null && !closed) {
            thread = new Thread(this::run, "azid-redis-subscriber");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Waits until the subscription is in place or breaks, at most {@code millis}.
     *
     * @param millis the longest wait
     * @throws InterruptedException if interrupted
     */
    public void awaitSubscription(long millis) throws InterruptedException {
        long seen = subscription.version();
        if (!listening) {
            subscription.awaitAfter(seen, millis);
        }
    }

    /**
     * Registers the calling thread's interest in a key; the changes of the key from then on wake
     * {@link Registration#await(long)}.
     *
     * @param key the store key
     * @return the registration, to close after waiting
     */
    public Registration register(String key) {
        Signal s = signals.compute(key, (k, v) -> {
            Signal signal = v == null ? new Signal() : v;
            signal.waiters++;
            return signal;
        });
        return new Registration(key, s, s.version());
    }

    private void run() {
        long pause = FIRST_PAUSE_MILLIS;
        while (!closed) {
            Listener listener = new Listener();
            try (Jedis jedis = connect.get()) {
                connection = jedis;
                if (closed) {
                    break;
                }
                jedis.psubscribe(listener, names.channelPattern());
            } catch (JedisDataException e) {
                // Refused (an ACL without the channel pattern, for example), not down: say so once.
                if (!refusalLogged) {
                    refusalLogged = true;
                    LOG.warn("Redis at {} refused the subscription to {} ({}); processes waiting for another's token look "
                            + "again every 25 ms instead. Allow the pattern, for example with the ACL rule &{}.", server,
                            names.channelPattern(), Failures.code(e), names.channelPattern());
                }
            } catch (JedisException | IllegalStateException e) {
                // Redis down or restarting: waiters poll meanwhile, and the thread subscribes again.
                LOG.debug("The Redis subscription to {} broke ({}); subscribing again in {} ms", server,
                        e.getClass().getSimpleName(), pause);
            } finally {
                connection = null;
                lost();
            }
            if (listener.confirmed) {
                pause = FIRST_PAUSE_MILLIS;
            }
            if (!closed) {
                sleep(pause);
                pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
            }
        }
    }

    private void sleep(long millis) {
        try {
            long seen = subscription.version();
            subscription.awaitAfter(seen, millis);
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    private void lost() {
        listening = false;
        subscription.fire();
        signals.values().forEach(Signal::fire);
    }

    /** Stops the thread and closes its connection; waiters then poll. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        Jedis c = connection;
        if (c != null) {
            try {
                c.disconnect();
            } catch (JedisException e) {
                LOG.debug("Closing the Redis subscription to {} failed ({})", server, e.getClass().getSimpleName());
            }
        }
        subscription.fire();
        if (t != null) {
            t.interrupt();
        }
    }

    /** The subscription's callbacks, on the subscriber thread. */
    private final class Listener extends JedisPubSub {
        private boolean confirmed;

        @Override
        public void onPSubscribe(String pattern, int subscribedChannels) {
            confirmed = true;
            listening = true;
            subscription.fire();
        }

        @Override
        public void onPMessage(String pattern, String channel, String message) {
            String key = names.keyOfChannel(channel);
            Signal s = key == null ? null : signals.get(key);
            if (s != null) {
                s.fire();
            }
        }
    }

    /** A thread's interest in one key; {@link #close()} it after waiting. */
    public final class Registration implements AutoCloseable {
        private final String key;
        private final Signal signal;
        private final long seen;

        private Registration(String key, Signal signal, long seen) {
            this.key = key;
            this.signal = signal;
            this.seen = seen;
        }

        /**
         * Waits until the key changed after {@link #register}, or the subscription broke, or {@code millis} passed.
         *
         * @param millis the longest wait
         * @throws InterruptedException if interrupted
         */
        public void await(long millis) throws InterruptedException {
            signal.awaitAfter(seen, millis);
        }

        @Override
        public void close() {
            signals.compute(key, (k, v) -> v == null || --v.waiters == 0 ? null : v);
        }
    }

    /** A change counter to wait on. */
    private static final class Signal {
        private long version;
        // Changed only inside ConcurrentHashMap.compute for the signal's key; read racily by waiting().
        private volatile int waiters;

        synchronized long version() {
            return version;
        }

        synchronized void fire() {
            version++;
            notifyAll();
        }

        synchronized void awaitAfter(long seen, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + millis * 1_000_000L;
            while (version == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
