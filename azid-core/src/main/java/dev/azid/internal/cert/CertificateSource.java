package dev.azid.internal.cert;

import dev.azid.AuthenticationFailedException;
import dev.azid.internal.io.BoundedFileReader;
import dev.azid.internal.io.FileLimit;
import dev.azid.internal.io.FileRefusedException;
import dev.azid.internal.fingerprint.Fingerprints;
import dev.azid.internal.redact.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Clock;
import java.util.Date;
import java.util.function.Supplier;

/**
 * Where a client certificate comes from (a PEM or PFX file, bytes, or a stream), loaded on first
 * use, then kept; its validity period is checked on every use. A file is read through
 * {@link BoundedFileReader}: a regular file of at most 1 MiB ({@link FileLimit#CERTIFICATE}).
 */
public final class CertificateSource {

    private static final int MAX_BYTES = FileLimit.CERTIFICATE.maxBytes();

    private final String credentialName;
    private final BoundedFileReader files;
    private final Path path;
    private final Supplier<byte[]> bytes;
    private final String description;
    private final char[] password;
    private final Clock clock;
    private final String fingerprint;
    private volatile ClientCertificate loaded;

    private CertificateSource(String credentialName, BoundedFileReader files, Path path, Supplier<byte[]> bytes,
            String description, String password, Clock clock, String fingerprint) {
        this.fingerprint = fingerprint != null ? fingerprint : Fingerprints.sha256("stream:" + System.identityHashCode(this));
        this.credentialName = credentialName;
        this.files = files;
        this.path = path;
        this.bytes = bytes;
        this.description = description;
        this.password = password == null ? null : password.toCharArray();
        this.clock = clock;
    }

    /**
     * A certificate file (PEM or PKCS#12, told apart by content).
     *
     * @param credentialName the credential, for messages
     * @param path the file
     * @param password its password, or {@code null}
     * @param clock checks the validity period
     * @return the source
     */
    public static CertificateSource file(String credentialName, Path path, String password, Clock clock) {
        return file(credentialName, BoundedFileReader.system(), path, password, clock);
    }

    /**
     * A certificate file read through the given reader.
     *
     * @param credentialName the credential, for messages
     * @param files reads the file
     * @param path the file
     * @param password its password, or {@code null}
     * @param clock checks the validity period
     * @return the source
     */
    public static CertificateSource file(String credentialName, BoundedFileReader files, Path path, String password,
            Clock clock) {
        return new CertificateSource(credentialName, files, path, null, path.toString(), password, clock,
                Fingerprints.sha256("file:" + path.toAbsolutePath()));
    }

    /**
     * Certificate bytes held in memory.
     *
     * @param credentialName the credential, for messages
     * @param data the PEM or PKCS#12 content
     * @param password its password, or {@code null}
     * @param clock checks the validity period
     * @return the source
     */
    public static CertificateSource bytes(String credentialName, byte[] data, String password, Clock clock) {
        byte[] copy = data.clone();
        return new CertificateSource(credentialName, null, null, () -> copy, "(in-memory certificate)", password, clock,
                Fingerprints.sha256("bytes:" + Fingerprints.sha256(copy)));
    }

    /**
     * A stream, read once on first use.
     *
     * @param credentialName the credential, for messages
     * @param stream the PEM or PKCS#12 content
     * @param password its password, or {@code null}
     * @param clock checks the validity period
     * @return the source
     */
    public static CertificateSource stream(String credentialName, InputStream stream, String password, Clock clock) {
        Supplier<byte[]> read = () -> {
            try (InputStream in = stream) {
                return in.readNBytes(MAX_BYTES + 1);
            } catch (IOException e) {
                throw new CertificateLoadException("could not be read from the stream: "
                        + Redactor.withSecrets(password).redact(e.getMessage()), null);
            }
        };
        return new CertificateSource(credentialName, null, null, read, "(certificate stream)", password, clock, null);
    }

    /**
     * The source a builder configured: a file, bytes or a stream, whichever is set.
     *
     * @param credentialName the credential, for messages
     * @param path a file, or {@code null}
     * @param data bytes, or {@code null}
     * @param stream a stream, or {@code null}
     * @param password the password, or {@code null}
     * @param clock checks the validity period
     * @return the source
     * @throws IllegalArgumentException if none is set
     */
    public static CertificateSource select(String credentialName, Path path, byte[] data, InputStream stream,
            String password, Clock clock) {
        if (path != null) {
            return file(credentialName, path, password, clock);
        }
        if (data != null) {
            return bytes(credentialName, data, password, clock);
        }
        if (stream != null) {
            return stream(credentialName, stream, password, clock);
        }
        throw new IllegalArgumentException(credentialName + ": no certificate is set. Call pemCertificate(path), "
                + "pfxCertificate(path) or certificate(bytes).");
    }

    /**
     * A fingerprint for cache keys that needs no I/O: of a file's path, of in-memory bytes' content,
     * and of a stream's identity in this process (it is read only on first use).
     *
     * @return the fingerprint of the source's identity
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Loads (once) and checks the certificate.
     *
     * @return the certificate
     * @throws AuthenticationFailedException naming the source and the fix, never the password
     */
    public ClientCertificate get() {
        ClientCertificate c = loaded;
        if (c == null) {
            synchronized (this) {
                c = loaded;
                if (c == null) {
                    c = load();
                    loaded = c;
                }
            }
        }
        checkValidity(c);
        return c;
    }

    private ClientCertificate load() {
        try {
            byte[] data = path != null ? readFile() : bytes.get();
            if (data.length > MAX_BYTES) {
                throw new CertificateLoadException("is larger than 1 MiB, which no certificate file is", null);
            }
            return CertificateLoader.load(data, password);
        } catch (CertificateLoadException e) {
            throw new AuthenticationFailedException(credentialName + ": the certificate " + description + " "
                    + e.getMessage() + ". " + remedy(e.getMessage()) + ".");
        }
    }

    private byte[] readFile() {
        try {
            return files.read(path, FileLimit.CERTIFICATE);
        } catch (FileRefusedException e) {
            throw new CertificateLoadException(e.reason(), null);
        } catch (NoSuchFileException e) {
            throw new CertificateLoadException("does not exist", null);
        } catch (AccessDeniedException e) {
            throw new CertificateLoadException("cannot be read: permission denied", null);
        } catch (IOException e) {
            throw new CertificateLoadException("cannot be read: " + e.getClass().getSimpleName(), null);
        }
    }

    private static String remedy(String problem) {
        if (problem.contains("password")) {
            return "Pass the certificate's password (certificatePassword, or AZURE_CLIENT_CERTIFICATE_PASSWORD)";
        }
        if (problem.contains("regular file")) {
            return "Point the credential at the PEM or PFX file itself, not a directory, pipe or device";
        }
        if (problem.contains("could not be read within") || problem.contains("was replaced")) {
            return "Check the path and the file system it is on";
        }
        if (problem.contains("does not exist") || problem.contains("cannot be read")) {
            return "Check the path and the file's permissions";
        }
        return "Use a PEM file with the RSA private key and its certificate, or a PKCS#12 (PFX) file";
    }

    private void checkValidity(ClientCertificate c) {
        try {
            c.leaf().checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException e) {
            throw new AuthenticationFailedException(credentialName + ": the certificate " + description + " expired on "
                    + c.leaf().getNotAfter().toInstant() + ". Create a new certificate, upload it to the app registration, "
                    + "and point the credential at it.");
        } catch (CertificateNotYetValidException e) {
            throw new AuthenticationFailedException(credentialName + ": the certificate " + description
                    + " is not valid before " + c.leaf().getNotBefore().toInstant()
                    + ". Check the machine's clock, or use a certificate that is valid now.");
        }
    }

    @Override
    public String toString() {
        return "CertificateSource[" + description + "]";
    }
}
