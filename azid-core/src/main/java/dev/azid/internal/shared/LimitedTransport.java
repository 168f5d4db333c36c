package dev.azid.internal.shared;

import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import java.io.IOException;

/** Sends each request (each attempt of a retried one) within a {@link HostRequestLimiter}'s permit. */
final class LimitedTransport implements HttpTransport {

    private final HttpTransport delegate;
    private final HostRequestLimiter limiter;

    LimitedTransport(HttpTransport delegate, HostRequestLimiter limiter) {
        this.delegate = delegate;
        this.limiter = limiter;
    }

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
