package dev.azid.http;

import java.io.IOException;

/**
 * Sees, and may change, every HTTP attempt a credential makes: to add a header, to observe
 * requests and responses (for metrics or tracing), or to route a request elsewhere. Register one
 * with {@code CredentialOptions.Builder.addInterceptor}, or wrap a transport with
 * {@link HttpTransport#with(HttpRequestInterceptor)}.
 *
 * <pre>{@code
 * HttpRequestInterceptor tracing = (request, next) -> {
 *     HttpResponse response = next.send(request.withHeader("traceparent", traceParent()));
 *     metrics.record(request.uri().getHost(), response.statusCode());
 *     return response;
 * };
 * }</pre>
 *
 * <p><b>Requests and responses hold secrets.</b> A request body may hold a client secret, a client
 * assertion, a password, a refresh token, an authorization code or a federated token; request
 * headers may hold a managed identity's {@code X-IDENTITY-HEADER}, an Azure Arc key or a CI
 * system's bearer token; a response body holds the access token. Never log or store a body or a
 * header value; {@link HttpRequest#toString()} and {@link HttpResponse#toString()} are safe to log.
 *
 * <p>An interceptor runs once per attempt, retries included, after azid's own headers and the
 * configured custom headers are set; interceptors run in the order they were added, each calling
 * the next. It must be thread-safe, should call {@code next} exactly once, and should not throw
 * anything but {@link IOException} for a failed exchange (a runtime exception propagates to the
 * caller of {@code getToken} as a bug).
 */
@FunctionalInterface
public interface HttpRequestInterceptor {

    /**
     * Handles one attempt.
     *
     * @param request the request about to be sent
     * @param next sends a request on (to the next interceptor or the transport)
     * @return the response to give azid, usually {@code next}'s
     * @throws IOException if no response was received
     */
    HttpResponse intercept(HttpRequest request, HttpTransport next) throws IOException;
}
