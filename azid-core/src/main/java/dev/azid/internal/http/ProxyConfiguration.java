package dev.azid.internal.http;

import dev.azid.Environment;
import dev.azid.internal.util.EndpointUrl;
import dev.azid.internal.util.UrlUse;
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
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Which proxy azid's default transport uses.
 *
 * <p>Precedence: an explicit {@link ProxySelector} &gt; the JVM's {@code https.proxyHost} /
 * {@code http.proxyHost} properties (through {@link ProxySelector#getDefault()}, which also applies
 * {@code http.nonProxyHosts}) &gt; {@code HTTPS_PROXY} / {@code HTTP_PROXY} (and lower-case forms)
 * with {@code NO_PROXY} &gt; no proxy. Loopback and link-local hosts (the emulator, IMDS) never go
 * through an environment-variable proxy. Every proxy value passes the endpoint rule of
 * {@link EndpointUrl} (its user info being the proxy's credentials, never shown in a message).
 *
 * @param selector the selector to install
 * @param authenticator answers proxy authentication from the proxy URL's user info, if any
 */
record ProxyConfiguration(ProxySelector selector, Optional<Authenticator> authenticator) {

    /** A host name or an IP literal: no scheme, user info, port, path or whitespace. */
    private static final Pattern JVM_PROXY_HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]");

    static ProxyConfiguration of(ProxySelector selector) {
        return new ProxyConfiguration(selector, Optional.empty());
    }

    static ProxyConfiguration fromJvmOrEnvironment(Environment env) {
        return fromJvmOrEnvironment(env, System::getProperty);
    }

    /**
     * Chooses the proxy.
     *
     * @param env where the proxy variables are read
     * @param jvmProperties reads a JVM system property ({@code System::getProperty} outside tests)
     * @return the configuration
     * @throws IllegalArgumentException naming the variable or property whose value is refused
     */
    static ProxyConfiguration fromJvmOrEnvironment(Environment env, UnaryOperator<String> jvmProperties) {
        if (jvmProperties.apply("https.proxyHost") != null || jvmProperties.apply("http.proxyHost") != null) {
            for (String scheme : new String[] {"https", "http"}) {
                checkJvmHost(jvmProperties.apply(scheme + ".proxyHost"), scheme + ".proxyHost");
                checkJvmPort(jvmProperties.apply(scheme + ".proxyPort"), scheme + ".proxyPort");
            }
            return of(ProxySelector.getDefault());
        }
        Optional<Variable> https = first(env, "HTTPS_PROXY", "https_proxy");
        Optional<Variable> http = first(env, "HTTP_PROXY", "http_proxy");
        if (https.isEmpty() && http.isEmpty()) {
            return of(HttpClientNoProxy.INSTANCE);
        }
        NoProxyRules noProxy = NoProxyRules.parse(first(env, "NO_PROXY", "no_proxy").map(Variable::value).orElse(""));
        URI httpsProxy = https.map(ProxyConfiguration::parseProxy).orElse(null);
        URI httpProxy = http.map(ProxyConfiguration::parseProxy).orElse(null);
        ProxySelector selector = new EnvironmentProxySelector(httpsProxy, httpProxy, noProxy);
        URI withUser = httpsProxy != null && httpsProxy.getRawUserInfo() != null ? httpsProxy : httpProxy;
        Optional<Authenticator> auth = Optional.ofNullable(withUser)
                .filter(u -> u.getRawUserInfo() != null)
                .map(ProxyConfiguration::authenticatorFor);
        return new ProxyConfiguration(selector, auth);
    }

    /** A variable that is set, with the name it was found under. */
    private record Variable(String name, String value) {
    }

    private static Optional<Variable> first(Environment env, String upper, String lower) {
        // Empty means unset; anything else is used as set (whitespace is refused, not trimmed).
        return env.get(upper).map(v -> new Variable(upper, v))
                .or(() -> env.get(lower).map(v -> new Variable(lower, v))).filter(v -> !v.value().isEmpty());
    }

    /** User info is the proxy's own credentials, so it is allowed here, and never shown. */
    private static URI parseProxy(Variable v) {
        return EndpointUrl.check(v.value(), "HttpTransport: " + v.name(), UrlUse.PROXY);
    }

    private static void checkJvmHost(String host, String property) {
        if (host != null && !JVM_PROXY_HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("HttpTransport: the JVM system property " + property + " is not a host name "
                    + "(it has a scheme, user info, path, whitespace or other characters). Set it to a host name such as "
                    + "proxy.example, and the port in the matching proxyPort property.");
        }
    }

    private static void checkJvmPort(String port, String property) {
        if (port != null && (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
            throw new IllegalArgumentException("HttpTransport: the JVM system property " + property + " is not a port "
                    + "number from 1 to 65535. Set it to the proxy's port, such as 3128.");
        }
    }

    private static Authenticator authenticatorFor(URI proxy) {
        String[] parts = proxy.getRawUserInfo().split(":", 2);
        // URL user info is percent-encoded, not form-encoded: a '+' is a plus sign, not a space.
        String user = URLDecoder.decode(parts[0].replace("+", "%2B"), StandardCharsets.UTF_8);
        char[] password = parts.length > 1
                ? URLDecoder.decode(parts[1].replace("+", "%2B"), StandardCharsets.UTF_8).toCharArray() : new char[0];
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
