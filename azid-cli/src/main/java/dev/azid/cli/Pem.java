package dev.azid.cli;

import dev.azid.internal.io.BoundedFileReader;
import dev.azid.internal.io.FileLimit;
import dev.azid.internal.io.FileRefusedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS context that trusts only the certificates of a PEM file, read through azid's
 * {@link BoundedFileReader}: a regular file of at most 1 MiB ({@link FileLimit#CA_CERTIFICATES}).
 */
final class Pem {

    private Pem() {
    }

    static SSLContext trusting(Path pem) {
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(BoundedFileReader.system().read(pem,
                            FileLimit.CA_CERTIFICATES)));
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("--ca-file " + pem + " holds no certificate");
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (FileRefusedException e) {
            throw new IllegalArgumentException("--ca-file " + pem + " " + e.reason());
        } catch (IOException e) {
            throw new IllegalArgumentException("--ca-file " + pem + " cannot be read: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--ca-file " + pem + " is not a PEM certificate file");
        }
    }
}
