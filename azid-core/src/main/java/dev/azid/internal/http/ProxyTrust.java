package dev.azid.internal.http;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a token proxy: its chain must lead to the given CAs (or the JVM's), and its certificate
 * must name the expected host (the SNI name when one is set) as a DNS or IP subject alternative
 * name. Used only for client connections to the proxy.
 */
final class ProxyTrust extends ServerTrust {

    private final X509TrustManager chains;
    private final String host;

    private ProxyTrust(X509TrustManager chains, String host) {
        this.chains = chains;
        this.host = host;
    }

    /**
     * A TLS context for the proxy that sends {@code sniName} (if set) and checks as above.
     *
     * @param pem PEM CA certificates, or {@code null} for the JVM's trust store
     * @param host the name the proxy's certificate must carry
     * @param sniName the TLS server name to send, or {@code null}
     * @return the context
     * @throws CertificateException if {@code pem} holds no readable certificate (the message names no content)
     */
    static SSLContext context(byte[] pem, String host, String sniName) throws CertificateException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (pem == null) {
                tmf.init((KeyStore) null);
            } else {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int i = 0;
                for (X509Certificate c : certificates(pem)) {
                    store.setCertificateEntry("ca-" + i++, c);
                }
                tmf.init(store);
            }
            X509TrustManager chains = null;
            for (TrustManager t : tmf.getTrustManagers()) {
                if (t instanceof X509TrustManager x) {
                    chains = x;
                }
            }
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {new ProxyTrust(chains, host)}, null);
            return sniName == null ? ssl : new SniContext(ssl, sniName);
        } catch (CertificateException e) {
            throw e;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the JVM cannot build a TLS context: " + e.getClass().getSimpleName(), e);
        }
    }

    private static List<X509Certificate> certificates(byte[] pem) throws CertificateException {
        Collection<? extends java.security.cert.Certificate> parsed;
        try {
            parsed = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
        } catch (CertificateException e) {
            // The parser's message may quote the input: name the problem only.
            throw new CertificateException("it holds no readable PEM certificate");
        }
        List<X509Certificate> out = new ArrayList<>();
        for (java.security.cert.Certificate c : parsed) {
            out.add((X509Certificate) c);
        }
        if (out.isEmpty()) {
            throw new CertificateException("it holds no PEM certificate");
        }
        return out;
    }

    @Override
    protected void checkServer(X509Certificate[] chain, String authType) throws CertificateException {
        chains.checkServerTrusted(chain, authType);
        if (!names(chain[0], host)) {
            throw new CertificateException("the token proxy's certificate does not name " + host);
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chains.getAcceptedIssuers();
    }

    /** Whether the certificate names the host: an IP SAN for an IP literal, else a DNS SAN (a leading {@code *.} matches one label). */
    static boolean names(X509Certificate cert, String host) throws CertificateParsingException {
        Collection<List<?>> sans = cert.getSubjectAlternativeNames();
        if (sans == null) {
            return false;
        }
        boolean literal = host.indexOf(':') >= 0 || host.matches("[0-9.]+");
        String h = host.toLowerCase(Locale.ROOT);
        for (List<?> san : sans) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
            if (literal && type == 7 && sameAddress(value, h)) {
                return true;
            }
            if (!literal && type == 2 && (value.equals(h) || value.startsWith("*.") && h.indexOf('.') > 0
                    && h.substring(h.indexOf('.')).equals(value.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // Both are literals: no name is resolved.
            return InetAddress.getByName(a.replace("[", "").replace("]", ""))
                    .equals(InetAddress.getByName(b.replace("[", "").replace("]", "")));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
