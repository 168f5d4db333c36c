package dev.azid.azure.identity;

import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * azid's {@link HttpTransport} over an azure-core {@link HttpPipeline}: how a compatibility
 * builder's {@code httpClient(...)}, {@code httpPipeline(...)}, {@code addPolicy(...)},
 * {@code proxyOptions(...)} and {@code httpLogOptions(...)} reach the network. One attempt per call
 * (azid retries on top); the whole exchange, body included, is bounded by the request's timeout and
 * the body by {@link #MAX_BODY_BYTES}. Thread-safe if the pipeline is.
 */
final class AzureCoreHttpTransport implements HttpTransport {

    /** The largest response body read, as for azid's own transport. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final HttpPipeline pipeline;

    AzureCoreHttpTransport(HttpPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        com.azure.core.http.HttpRequest out = new com.azure.core.http.HttpRequest(
                HttpMethod.valueOf(request.method()), request.uri().toURL());
        request.headers().forEach((name, value) -> out.setHeader(HttpHeaderName.fromString(name), value));
        if (request.body().length > 0) {
            out.setBody(request.body());
        }
        try {
            HttpResponse response = pipeline.send(out).flatMap(AzureCoreHttpTransport::read)
                    .timeout(request.timeout()).block();
            if (response == null) {
                throw new IOException("The azure-core HTTP pipeline returned no response for " + request + ".");
            }
            return response;
        } catch (RuntimeException e) {
            throw ioFailure(e, request);
        }
    }

    private static Mono<HttpResponse> read(com.azure.core.http.HttpResponse r) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader h : r.getHeaders()) {
            headers.put(h.getName(), h.getValuesList());
        }
        return r.getBody().reduce(new ByteArrayOutputStream(), AzureCoreHttpTransport::append)
                .map(body -> new HttpResponse(r.getStatusCode(), headers, body.toByteArray()))
                .doFinally(signal -> r.close());
    }

    private static ByteArrayOutputStream append(ByteArrayOutputStream body, ByteBuffer chunk) {
        if (body.size() + chunk.remaining() > MAX_BODY_BYTES) {
            throw new UncheckedIOException(new IOException("The response body is larger than " + MAX_BODY_BYTES
                    + " bytes."));
        }
        byte[] bytes = new byte[chunk.remaining()];
        chunk.duplicate().get(bytes);
        body.write(bytes, 0, bytes.length);
        return body;
    }

    /** Connection failures and timeouts become IOExceptions, as the SPI asks; anything else is a bug and propagates. */
    private static IOException ioFailure(RuntimeException e, HttpRequest request) {
        Throwable t = Exceptions.unwrap(e);
        if (t instanceof TimeoutException) {
            return new HttpTimeoutException("No complete response within " + request.timeout() + " for " + request + ".");
        }
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new InterruptedIOException("Interrupted while waiting for " + request + ".");
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
        }
        throw e;
    }

    @Override
    public String toString() {
        return "AzureCoreHttpTransport";
    }
}
