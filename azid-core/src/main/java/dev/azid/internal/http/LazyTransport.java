package dev.azid.internal.http;

import dev.azid.Environment;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import dev.azid.internal.env.SystemEnvironment;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Creates the default transport on first use, so building a credential starts no HTTP client
 * (whose selector thread would otherwise run for every credential ever built). With the process
 * environment, every credential shares one client and its connection pool.
 */
public final class LazyTransport implements HttpTransport {

    private final Supplier<HttpTransport> factory;
    private volatile HttpTransport delegate;

    private LazyTransport(Supplier<HttpTransport> factory) {
        this.factory = factory;
    }

    /**
     * The default transport for credentials reading the given environment.
     *
     * @param environment where proxy variables are read
     * @return a lazily created transport
     */
    public static HttpTransport forEnvironment(Environment environment) {
        if (environment == SystemEnvironment.INSTANCE) {
            return new LazyTransport(() -> Shared.TRANSPORT);
        }
        return new LazyTransport(() -> HttpTransport.builder().environment(environment).build());
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        HttpTransport t = delegate;
        if (t == null) {
            synchronized (this) {
                t = delegate;
                if (t == null) {
                    t = factory.get();
                    delegate = t;
                }
            }
        }
        return t.send(request);
    }

    @Override
    public String toString() {
        return "LazyTransport";
    }

    private static final class Shared {
        static final HttpTransport TRANSPORT = HttpTransport.defaultTransport();
    }
}
