package dev.azid.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/** Every request the emulator received, in order, secrets masked. Thread-safe. */
public final class RequestLog {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private int taken;

    /**
     * Appends a request (called by the emulator).
     *
     * @param request the request
     */
    public void add(RecordedRequest request) {
        lock.lock();
        try {
            requests.add(request);
            added.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return every request so far */
    public List<RecordedRequest> all() {
        lock.lock();
        try {
            return List.copyOf(requests);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The most recent request.
     *
     * @return the request
     * @throws IllegalStateException if there was none
     */
    public RecordedRequest last() {
        List<RecordedRequest> all = all();
        if (all.isEmpty()) {
            throw new IllegalStateException("the emulator has received no request");
        }
        return all.get(all.size() - 1);
    }

    /**
     * The requests whose path matches a regular expression (anywhere in the path).
     *
     * @param pathRegex the expression
     * @return the requests
     */
    public List<RecordedRequest> matching(String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return all().stream().filter(r -> p.matcher(r.path()).find()).toList();
    }

    /**
     * Counts the requests whose path matches.
     *
     * @param pathRegex the expression
     * @return how many
     */
    public int count(String pathRegex) {
        return matching(pathRegex).size();
    }

    /**
     * Waits for the next request not yet taken by this method.
     *
     * @param timeout how long to wait
     * @return the request, or {@code null} on timeout
     * @throws InterruptedException if interrupted
     */
    public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (taken >= requests.size()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = added.awaitNanos(nanos);
            }
            return requests.get(taken++);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every request. */
    public void clear() {
        lock.lock();
        try {
            requests.clear();
            taken = 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "RequestLog" + all();
    }
}
