package dev.azid.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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

    private static final int MAX_BYTES = 1024 * 1024;

    private Pem() {
    }

    static SSLContext trusting(Path pem) {
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(read(pem)));
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
        } catch (IOException e) {
            throw new IllegalArgumentException("--ca-file " + pem + " cannot be read: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--ca-file " + pem + " is not a PEM certificate file");
        }
    }

    /**
     * Reads a file the user named on the command line: a regular file (checked before it is opened,
     * so a pipe or device never blocks the command) of at most 1 MiB, counted on the read itself.
     * The library's own bounded reader is internal to azid-core, so the command keeps this small copy.
     */
    private static byte[] read(Path pem) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(pem, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IllegalArgumentException("--ca-file " + pem + " is not a regular file (it is "
                    + (attributes.isDirectory() ? "a directory" : "a named pipe, device or socket")
                    + "); CA certificate files must be regular files");
        }
        if (attributes.size() > MAX_BYTES) {
            throw tooLarge(pem);
        }
        byte[] data;
        try (InputStream in = Files.newInputStream(pem)) {
            data = in.readNBytes(MAX_BYTES + 1);
        }
        if (data.length > MAX_BYTES) {
            throw tooLarge(pem);
        }
        return data;
    }

    private static IllegalArgumentException tooLarge(Path pem) {
        return new IllegalArgumentException("--ca-file " + pem + " is larger than 1 MiB, the limit for CA certificate files");
    }
}
