package dev.azid.internal.http;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager for azid's own client connections, written once: every way the JDK asks to trust
 * a server comes to {@link #checkServer}, and every client certificate is refused (azid never
 * accepts connections). As an extended trust manager it replaces the JDK's, so no host name check
 * is made unless {@code checkServer} makes it.
 */
public abstract class ServerTrust extends X509ExtendedTrustManager {

    /** Creates it. */
    protected ServerTrust() {
    }

    /**
     * Checks the server's chain.
     *
     * @param chain the chain, leaf first, as the server sent it
     * @param authType the key exchange's authentication type
     * @throws CertificateException if the server is not trusted; the message names no certificate content
     */
    protected abstract void checkServer(X509Certificate[] chain, String authType) throws CertificateException;

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkServer(chain, authType);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServer(chain, authType);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServer(chain, authType);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    /** @return no issuers: azid asks for no client certificate */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
