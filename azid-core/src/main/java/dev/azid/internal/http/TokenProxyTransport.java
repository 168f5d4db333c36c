package dev.azid.internal.http;

import dev.azid.Environment;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import dev.azid.internal.fingerprint.Fingerprints;
import dev.azid.internal.io.BoundedFileReader;
import dev.azid.internal.io.FileLimit;
import dev.azid.internal.io.FileRefusedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends token requests to an AKS identity binding {@link TokenProxy} instead of the authority.
 * Over azid's own transport, TLS trusts the proxy's CA and checks its name (see {@link ProxyTrust});
 * a CA file is read again on every request, through {@link BoundedFileReader}, and a new TLS context
 * built when its content changed, so a rotated CA is picked up. An empty CA file keeps the
 * previous context (the file is being rewritten); a missing or unreadable one fails the request,
 * naming the file. Over a transport the application supplied, only the URL is rewritten.
 */
public final class TokenProxyTransport implements HttpTransport {

    private static final Logger LOG = LoggerFactory.getLogger(TokenProxyTransport.class);

    private final String credentialName;
    private final TokenProxy proxy;
    private final HttpTransport fixed;
    private final Environment environment;
    private final BoundedFileReader files;
    private Loaded loaded;

    private TokenProxyTransport(String credentialName, TokenProxy proxy, HttpTransport fixed, Environment environment,
            BoundedFileReader files) {
        this.credentialName = credentialName;
        this.proxy = proxy;
        this.fixed = fixed;
        this.environment = environment;
        this.files = files;
    }

    /**
     * Rewrites requests onto an application's transport, which handles TLS itself.
     *
     * @param proxy the proxy
     * @param transport the application's transport
     * @return the transport
     */
    public static TokenProxyTransport over(TokenProxy proxy, HttpTransport transport) {
        return new TokenProxyTransport("", proxy, transport, null, null);
    }

    /**
     * azid's own transport to the proxy, with its CA and server name. Checks inline CA data now.
     *
     * @param credentialName for messages
     * @param proxy the proxy
     * @param environment where proxy variables ({@code HTTPS_PROXY}) are read
     * @param files reads the CA file
     * @return the transport
     * @throws IllegalArgumentException if {@code AZURE_KUBERNETES_CA_DATA} holds no certificate
     */
    public static TokenProxyTransport withTls(String credentialName, TokenProxy proxy, Environment environment,
            BoundedFileReader files) {
        TokenProxyTransport t = new TokenProxyTransport(credentialName, proxy, null, environment, files);
        if (proxy.caFile() == null) {
            byte[] pem = proxy.caData() == null ? null : proxy.caData().getBytes(StandardCharsets.UTF_8);
            try {
                t.loaded = new Loaded("", t.transport(ProxyTrust.context(pem, proxy.expectedHost(), proxy.sniName())));
            } catch (CertificateException e) {
                throw new IllegalArgumentException(credentialName + ": AZURE_KUBERNETES_CA_DATA cannot be used: "
                        + e.getMessage() + ". Set it to the PEM certificates of the proxy's CA.", null);
            }
        }
        return t;
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        HttpRequest rewritten = new HttpRequest(request.method(), proxy.rewrite(request.uri()), request.headers(),
                request.body(), request.timeout());
        return (fixed != null ? fixed : current()).send(rewritten);
    }

    private synchronized HttpTransport current() throws IOException {
        if (proxy.caFile() == null) {
            return loaded.transport();
        }
        byte[] pem;
        try {
            pem = files.read(proxy.caFile(), FileLimit.CA_CERTIFICATES);
        } catch (FileRefusedException e) {
            throw new IOException(credentialName + ": the CA file " + proxy.caFile() + " (AZURE_KUBERNETES_CA_FILE) "
                    + e.reason() + ".");
        } catch (IOException e) {
            throw new IOException(credentialName + ": the CA file " + proxy.caFile() + " (AZURE_KUBERNETES_CA_FILE) "
                    + "cannot be read (" + e.getClass().getSimpleName() + "). Check that the pod mounts it.");
        }
        if (pem.length == 0) {
            if (loaded == null) {
                throw new IOException(credentialName + ": the CA file " + proxy.caFile() + " (AZURE_KUBERNETES_CA_FILE) "
                        + "is empty. Check that the pod mounts it.");
            }
            LOG.warn("{}: the CA file {} is empty; the CA read before is used", credentialName, proxy.caFile());
            return loaded.transport();
        }
        String digest = Fingerprints.sha256(pem);
        if (loaded == null || !loaded.digest().equals(digest)) {
            try {
                loaded = new Loaded(digest, transport(ProxyTrust.context(pem, proxy.expectedHost(), proxy.sniName())));
            } catch (CertificateException e) {
                throw new IOException(credentialName + ": the CA file " + proxy.caFile() + " (AZURE_KUBERNETES_CA_FILE) "
                        + "cannot be used: " + e.getMessage() + ". It must hold the PEM certificates of the proxy's CA.");
            }
            LOG.debug("{}: trusting the CA in {} for the token proxy", credentialName, proxy.caFile());
        }
        return loaded.transport();
    }

    private HttpTransport transport(SSLContext ssl) {
        return new JdkHttpTransport(Duration.ofSeconds(10), null, ssl, environment);
    }

    @Override
    public String toString() {
        return "TokenProxyTransport[" + proxy.url() + "]";
    }

    /** A TLS context's transport and the digest of the CA content it was built from. */
    private record Loaded(String digest, HttpTransport transport) {
    }
}
