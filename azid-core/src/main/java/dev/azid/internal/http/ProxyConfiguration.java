package dev.azid.internal.http;

import dev.azid.Environment;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Which proxy azid's default transport uses.
 *
 * <p>Precedence: an explicit {@link ProxySelector} &gt; the JVM's {@code https.proxyHost} /
 * {@code http.proxyHost} properties (through {@link ProxySelector#getDefault()}, which also applies
 * {@code http.nonProxyHosts}) &gt; {@code HTTPS_PROXY} / {@code HTTP_PROXY} (and lower-case forms)
 * with {@code NO_PROXY} &gt; no proxy. Loopback and link-local hosts (the emulator, IMDS) never go
 * through an environment-variable proxy.
 *
 * @param selector the selector to install
 * @param authenticator answers proxy authentication from the proxy URL's user info, if any
 */
record ProxyConfiguration(ProxySelector selector, Optional<Authenticator> authenticator) {

    static ProxyConfiguration of(ProxySelector selector) {
        return new ProxyConfiguration(selector, Optional.empty());
    }

    static ProxyConfiguration fromJvmOrEnvironment(Environment env) {
        if (System.getProperty("https.proxyHost") != null || System.getProperty("http.proxyHost") != null) {
            return of(ProxySelector.getDefault());
        }
        Optional<String> https = first(env, "HTTPS_PROXY", "https_proxy");
        Optional<String> http = first(env, "HTTP_PROXY", "http_proxy");
        if (https.isEmpty() && http.isEmpty()) {
            return of(HttpClientNoProxy.INSTANCE);
        }
        NoProxyRules noProxy = NoProxyRules.parse(first(env, "NO_PROXY", "no_proxy").orElse(""));
        URI httpsProxy = https.map(v -> parseProxy(v, "HTTPS_PROXY")).orElse(null);
        URI httpProxy = http.map(v -> parseProxy(v, "HTTP_PROXY")).orElse(null);
        ProxySelector selector = new EnvironmentProxySelector(httpsProxy, httpProxy, noProxy);
        URI withUser = httpsProxy != null && httpsProxy.getRawUserInfo() != null ? httpsProxy : httpProxy;
        Optional<Authenticator> auth = Optional.ofNullable(withUser)
                .filter(u -> u.getRawUserInfo() != null)
                .map(ProxyConfiguration::authenticatorFor);
        return new ProxyConfiguration(selector, auth);
    }

    private static Optional<String> first(Environment env, String upper, String lower) {
        return env.get(upper).or(() -> env.get(lower)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static URI parseProxy(String value, String variable) {
        String v = value.contains("://") ? value : "http://" + value;
        try {
            URI uri = new URI(v);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException(variable + " has no host. Set it to a URL such as http://proxy:3128.");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(variable + " is not a valid URL (" + e.getReason()
                    + "). Set it to a URL such as http://proxy:3128.", e);
        }
    }

    private static Authenticator authenticatorFor(URI proxy) {
        String[] parts = proxy.getRawUserInfo().split(":", 2);
        String user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        char[] password = parts.length > 1
                ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8).toCharArray() : new char[0];
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY ? new PasswordAuthentication(user, password) : null;
            }
        };
    }

    /** Sends everything direct. */
    static final class HttpClientNoProxy extends ProxySelector {
        static final HttpClientNoProxy INSTANCE = new HttpClientNoProxy();

        @Override
        public List<Proxy> select(URI uri) {
            return List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // Nothing to remember: there is no proxy to mark as failed.
        }
    }

    /** Chooses the environment proxy by scheme, honouring NO_PROXY. */
    static final class EnvironmentProxySelector extends ProxySelector {
        private final URI httpsProxy;
        private final URI httpProxy;
        private final NoProxyRules noProxy;

        EnvironmentProxySelector(URI httpsProxy, URI httpProxy, NoProxyRules noProxy) {
            this.httpsProxy = httpsProxy;
            this.httpProxy = httpProxy;
            this.noProxy = noProxy;
        }

        @Override
        public List<Proxy> select(URI uri) {
            URI proxy = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
            if (proxy == null || noProxy.bypass(uri.getHost(), uri.getPort())) {
                return List.of(Proxy.NO_PROXY);
            }
            int port = proxy.getPort() == -1 ? ("https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80) : proxy.getPort();
            return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port)));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // The transport reports the failure; there is no alternative proxy to fall back to.
        }
    }
}
