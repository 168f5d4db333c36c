package dev.azid.differential;

import dev.azid.emulator.EmulatorEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The trust store of a side's child JVMs: the emulator's CA (its endpoints and transparent mode) plus the
 * Service Fabric endpoint's self-signed certificate. azid pins that certificate by
 * {@code IDENTITY_SERVER_THUMBPRINT}; msal4j uses the JVM's trust, as on a cluster node that trusts its
 * cluster certificate. The certificate is read from the endpoint's handshake and kept only when its SHA-1
 * thumbprint is the one the emulator announces.
 */
final class ChildTrust {

    /** The store's password: a test fixture. */
    static final String PASSWORD = "changeit";

    private ChildTrust() {
    }

    static Path write(EmulatorEndpoints endpoints, Path file) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(endpoints.trustStore())) {
                store.load(in, endpoints.trustStorePassword().toCharArray());
            }
            X509Certificate fabric = presented(endpoints);
            String thumbprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(fabric.getEncoded()));
            if (!thumbprint.equalsIgnoreCase(endpoints.serviceFabricThumbprint())) {
                throw new IllegalStateException("the Service Fabric endpoint presented another certificate than announced");
            }
            store.setCertificateEntry("azid-emulator-service-fabric", fabric);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the children's trust store", e);
        }
    }

    private static X509Certificate presented(EmulatorEndpoints endpoints) throws IOException, GeneralSecurityException {
        X509Certificate[] seen = new X509Certificate[1];
        // Only records the chain; the thumbprint check above decides whether it is trusted.
        TrustManager recorder = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException("server side only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen[0] = chain[0];
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {recorder}, null);
        var uri = endpoints.serviceFabricEndpoint();
        try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
        }
        if (seen[0] == null) {
            throw new IllegalStateException("the Service Fabric endpoint presented no certificate");
        }
        return seen[0];
    }
}
