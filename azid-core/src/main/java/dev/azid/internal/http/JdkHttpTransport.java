package dev.azid.internal.http;

import dev.azid.Environment;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.util.Uris;
import dev.azid.internal.util.Waits;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * The default {@link HttpTransport}, on {@link HttpClient}: HTTP/1.1, no redirects, a connect
 * timeout, and a deadline on the whole exchange including the body (the client's own request
 * timeout stops at the response headers, so a server that stalls mid-body would hang it).
 */
public final class JdkHttpTransport implements HttpTransport {

    /** Bodies larger than this are refused: no Entra or managed-identity answer comes close. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** Headers {@link HttpClient} sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;

    /**
     * Creates the transport.
     *
     * @param connectTimeout the connect timeout
     * @param proxySelector the proxy selector, or {@code null} for JVM properties then environment
     * @param sslContext the TLS context, or {@code null} for the JVM default
     * @param environment where proxy environment variables are read
     */
    public JdkHttpTransport(Duration connectTimeout, ProxySelector proxySelector, SSLContext sslContext,
            Environment environment) {
        ProxyConfiguration proxy = proxySelector != null
                ? ProxyConfiguration.of(proxySelector)
                : ProxyConfiguration.fromJvmOrEnvironment(environment);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .proxy(proxy.selector());
        proxy.authenticator().ifPresent(builder::authenticator);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.client = builder.build();
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout());
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                b.header(name, value);
            }
        });
        if (request.method().equals("GET")) {
            b.GET();
        } else {
            b.method(request.method(), java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.body()));
        }
        CompletableFuture<java.net.http.HttpResponse<byte[]>> future =
                client.sendAsync(b.build(), info -> new LimitedBodySubscriber(MAX_BODY_BYTES));
        try {
            java.net.http.HttpResponse<byte[]> r = future.get(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new HttpResponse(r.statusCode(), r.headers().map(), r.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException(request.method() + " " + Uris.redact(request.uri())
                    + " timed out after " + request.timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw Waits.interruptedIo("interrupted while waiting for " + Uris.redact(request.uri()), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            Redactor redactor = Redactor.SHAPES.forRequest(request);
            throw new IOException(request.method() + " " + Uris.redact(request.uri()) + " failed: "
                    + redactor.redact(String.valueOf(cause)), redactor.cause(cause));
        }
    }

    @Override
    public String toString() {
        return "JdkHttpTransport";
    }
}
