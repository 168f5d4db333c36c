package dev.azid.http;

import dev.azid.internal.http.JdkHttpTransport;
import java.io.IOException;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Sends one HTTP request and returns its response: the only way azid reaches the network.
 *
 * <p>Implement it to route azid through an HTTP client of your own; azid adds its retry policy on
 * top, so an implementation makes exactly one attempt. Implementations must be thread-safe, must
 * honour {@link HttpRequest#timeout()}, must not follow redirects, and should throw
 * {@link IOException} for connection failures and timeouts.
 */
@FunctionalInterface
public interface HttpTransport {

    /**
     * Sends the request once.
     *
     * @param request the request
     * @return the response, whatever its status
     * @throws IOException if no response was received (connection refused or reset, timeout, TLS
     *     failure)
     */
    HttpResponse send(HttpRequest request) throws IOException;

    /**
     * Returns a transport that passes every request through an interceptor before this one.
     *
     * @param interceptor the interceptor
     * @return the decorated transport
     * @throws NullPointerException if {@code interceptor} is {@code null}
     */
    default HttpTransport with(HttpRequestInterceptor interceptor) {
        Objects.requireNonNull(interceptor, "interceptor");
        HttpTransport next = this;
        return request -> {
            HttpResponse response = interceptor.intercept(request, next);
            if (response == null) {
                throw new IllegalStateException("HttpRequestInterceptor " + interceptor.getClass().getName()
                        + " returned no response for " + request + ". Return next.send(request) or a response.");
            }
            return response;
        };
    }

    /**
     * The default transport on {@link java.net.http.HttpClient}: 10 s connect timeout, no redirects,
     * proxy from the JVM's {@code https.proxyHost}/{@code http.proxyHost} properties, else from
     * {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}.
     *
     * @return a new transport
     */
    static HttpTransport defaultTransport() {
        return builder().build();
    }

    /**
     * Starts a builder for the default transport.
     *
     * @return a new builder
     */
    static Builder builder() {
        return new Builder();
    }

    /** Builds the default {@link java.net.http.HttpClient} transport. Not thread-safe. */
    final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private ProxySelector proxySelector;
        private SSLContext sslContext;
        private dev.azid.Environment environment = dev.azid.Environment.system();

        private Builder() {
        }

        /**
         * Sets the connect timeout (default 10 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets the proxy selector, replacing the JVM-property and environment-variable proxies.
         *
         * @param proxySelector the selector
         * @return this builder
         */
        public Builder proxySelector(ProxySelector proxySelector) {
            this.proxySelector = Objects.requireNonNull(proxySelector, "proxySelector");
            return this;
        }

        /**
         * Sets the TLS context, for example one that trusts a private CA (default: the JVM's).
         *
         * @param sslContext the context
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * Sets where {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} are read from
         * (default: the process environment).
         *
         * @param environment the environment
         * @return this builder
         */
        public Builder environment(dev.azid.Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * Builds the transport.
         *
         * @return the transport
         * @throws IllegalArgumentException if the connect timeout is not positive, or a proxy
         *     environment variable is not a valid URL
         */
        public HttpTransport build() {
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException(
                        "HttpTransport: connectTimeout must be positive, but is " + connectTimeout + ".");
            }
            return new JdkHttpTransport(connectTimeout, proxySelector, sslContext, environment);
        }
    }
}
