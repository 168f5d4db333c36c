package dev.azid.benchmarks;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import reactor.core.publisher.Mono;

/**
 * An azure-core {@link HttpClient} decorator that sends requests for {@code https://127.0.0.1/...} (no
 * port) to the emulator's port, so that azure-identity can be given the authority host
 * {@code https://127.0.0.1} without a port. Needed for a fair comparison: MSAL4J does not find cached
 * tokens again when the authority URL carries a port (AzureAD/microsoft-authentication-library-for-java
 * issue 529), so with {@code https://127.0.0.1:<port>} every "cached" call goes to the network, which
 * never happens with {@code https://login.microsoftonline.com}. Only touches requests, never cache hits.
 */
final class FixedPortHttpClient implements HttpClient {

    private final HttpClient delegate;
    private final int port;

    /**
     * @param delegate the client that sends
     * @param port the port to send port-less loopback requests to
     */
    FixedPortHttpClient(HttpClient delegate, int port) {
        this.delegate = delegate;
        this.port = port;
    }

    /**
     * The authority host to give azure-identity for an emulator authority host: the same without its port.
     *
     * @param authorityHost e.g. {@code https://127.0.0.1:1234}
     * @return e.g. {@code https://127.0.0.1}
     */
    static String withoutPort(String authorityHost) {
        URI u = URI.create(authorityHost);
        return u.getScheme() + "://" + u.getHost();
    }

    /**
     * @param authorityHost e.g. {@code https://127.0.0.1:1234}
     * @return its port
     */
    static int port(String authorityHost) {
        return URI.create(authorityHost).getPort();
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return delegate.send(rewrite(request));
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, Context context) {
        return delegate.send(rewrite(request), context);
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        return delegate.sendSync(rewrite(request), context);
    }

    private HttpRequest rewrite(HttpRequest request) {
        URL url = request.getUrl();
        if (url.getPort() == -1 && "127.0.0.1".equals(url.getHost())) {
            try {
                request.setUrl(new URL(url.getProtocol(), url.getHost(), port, url.getFile()));
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return request;
    }
}
