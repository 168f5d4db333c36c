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
        return trusting("--ca-file", pem);
    }

    /**
     * A TLS context that trusts only the certificates of a PEM file named by an option.
     *
     * @param option the option, for messages
     * @param pem the file
     * @return the context
     */
    static SSLContext trusting(String option, Path pem) {
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(read(option, pem, MAX_BYTES, "CA certificate files")));
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(option + " " + pem + " holds no certificate");
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
            throw new IllegalArgumentException(option + " " + pem + " cannot be read: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(option + " " + pem + " is not a PEM certificate file");
        }
    }

    /**
     * Reads a file the user named on the command line: a regular file (checked before it is opened,
     * so a pipe or device never blocks the command) of at most {@code maxBytes}, counted on the read
     * itself. The library's own bounded reader is internal to azid-core, so the command keeps this small copy.
     *
     * @param option the option that named it, for messages
     * @param file the file
     * @param maxBytes the most bytes it may have
     * @param what what such files are, for messages ("CA certificate files")
     * @return its bytes
     * @throws IOException if it cannot be read
     */
    static byte[] read(String option, Path file, int maxBytes, String what) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IllegalArgumentException(option + " " + file + " is not a regular file (it is "
                    + (attributes.isDirectory() ? "a directory" : "a named pipe, device or socket")
                    + "); " + what + " must be regular files");
        }
        byte[] data = new byte[0];
        if (attributes.size() <= maxBytes) {
            try (InputStream in = Files.newInputStream(file)) {
                data = in.readNBytes(maxBytes + 1);
            }
        }
        if (attributes.size() > maxBytes || data.length > maxBytes) {
            String limit = maxBytes % MAX_BYTES == 0 ? maxBytes / MAX_BYTES + " MiB" : maxBytes + " bytes";
            throw new IllegalArgumentException(option + " " + file + " is larger than " + limit + ", the limit for " + what);
        }
        return data;
    }
}
