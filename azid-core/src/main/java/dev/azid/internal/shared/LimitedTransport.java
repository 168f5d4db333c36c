package dev.azid.internal.shared;

import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import java.io.IOException;

/**
 * Sends each request (each attempt of a retried one) within a {@link HostRequestLimiter}'s permit.
 *
 * @param delegate sends the request once the permit is held
 * @param limiter gives the permits
 */
record LimitedTransport(HttpTransport delegate, HostRequestLimiter limiter) implements HttpTransport {

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        try (HostRequestLimiter.Permit ignored = limiter.acquire()) {
            return delegate.send(request);
        }
    }

    @Override
    public String toString() {
        return delegate + " within " + limiter;
    }
}
