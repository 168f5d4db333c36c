package dev.azid.internal.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * The host's recent managed-identity requests, as the limiter's file holds them: one line per
 * request, {@code <start> <end> <id>} in epoch millis, {@code end} 0 while it is in flight.
 *
 * <p>A request counts against the limit while it is in flight and for a window after it ended. IMDS
 * counts arrivals, which fall between a request's start and its end; so when a request may start
 * only while fewer than {@code perSecond} others are in flight or ended within the window, at most
 * {@code perSecond} arrive in any window, however late each arrives after it was admitted (a cold
 * process's first request loads its HTTP client first). An in-flight line older than
 * {@link #STALE_MILLIS} belongs to a process that died and no longer counts. Not thread-safe: used
 * under the limiter's locks.
 */
final class RequestWindow {

    /** Longer than any managed-identity request may take (its timeouts are far shorter). */
    static final long STALE_MILLIS = 120_000;

    private final long windowMillis;
    private final List<long[]> requests = new ArrayList<>();

    private RequestWindow(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * Reads the file's text, keeping only the requests that still count at {@code now}.
     *
     * @param text the file's content (empty or damaged lines are no request)
     * @param now the host's clock
     * @param windowMillis how long an ended request still counts
     * @return the window
     */
    static RequestWindow parse(String text, long now, long windowMillis) {
        RequestWindow w = new RequestWindow(windowMillis);
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split(" ");
            try {
                long start = Long.parseLong(parts[0]);
                // An older azid wrote the start alone: it counts as a request that ended then.
                long end = parts.length >= 2 ? Long.parseLong(parts[1]) : start;
                long id = parts.length >= 3 ? Long.parseUnsignedLong(parts[2], 16) : 0;
                w.requests.add(new long[] {start, end, id});
            } catch (NumberFormatException e) {
                // An empty or damaged line: not a request.
            }
        }
        w.requests.removeIf(r -> !w.counts(r, now));
        return w;
    }

    private boolean counts(long[] r, long now) {
        return r[1] == 0 ? r[0] > now - STALE_MILLIS && r[0] <= now : r[1] > now - windowMillis && r[0] <= now;
    }

    /** @return how many requests count against the limit */
    int size() {
        return requests.size();
    }

    /**
     * How long until one of the requests stops counting, if none is in flight; else a short poll.
     *
     * @param now the host's clock
     * @param poll the wait while a request is in flight
     * @return milliseconds, at least 1
     */
    long waitMillis(long now, long poll) {
        long soonest = Long.MAX_VALUE;
        for (long[] r : requests) {
            soonest = Math.min(soonest, r[1] == 0 ? poll : r[1] + windowMillis - now);
        }
        return Math.max(1, Math.min(soonest, poll * 10));
    }

    /** Adds an in-flight request. */
    void start(long now, long id) {
        requests.add(new long[] {now, 0, id});
    }

    /** Marks a request ended, if it is still here. */
    void end(long id, long now) {
        for (long[] r : requests) {
            if (r[2] == id && r[1] == 0) {
                r[1] = Math.max(now, r[0]);
            }
        }
    }

    /** @return the file's new content */
    String text() {
        StringBuilder out = new StringBuilder();
        for (long[] r : requests) {
            out.append(r[0]).append(' ').append(r[1]).append(' ').append(Long.toHexString(r[2])).append('\n');
        }
        return out.toString();
    }
}
