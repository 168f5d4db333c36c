package dev.azid.azure.identity;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Builds a {@link ClientCertificateCredential}, with the methods of
 * {@code com.azure.identity.ClientCertificateCredentialBuilder}. PEM and PFX content is recognised by
 * itself, whichever method names it. Not thread-safe.
 */
public final class ClientCertificateCredentialBuilder extends EntraCompatBuilder<ClientCertificateCredentialBuilder> {

    private Path path;
    private InputStream stream;
    private String password;
    private boolean sendCertificateChain;

    /** Creates a builder with every default. */
    public ClientCertificateCredentialBuilder() {
    }

    /**
     * Uses a PEM file holding the private key and the certificate.
     *
     * @param certificatePath the file's path
     * @return this builder
     */
    public ClientCertificateCredentialBuilder pemCertificate(String certificatePath) {
        this.path = Path.of(Objects.requireNonNull(certificatePath, "certificatePath"));
        this.stream = null;
        return this;
    }

    /**
     * Uses PEM content, read once at the first token request and closed.
     *
     * @param certificate the content
     * @return this builder
     */
    public ClientCertificateCredentialBuilder pemCertificate(InputStream certificate) {
        this.stream = Objects.requireNonNull(certificate, "certificate");
        this.path = null;
        return this;
    }

    /**
     * Uses a PKCS#12 (PFX) file and its password.
     *
     * @param certificatePath the file's path
     * @param clientCertificatePassword its password
     * @return this builder
     */
    public ClientCertificateCredentialBuilder pfxCertificate(String certificatePath, String clientCertificatePassword) {
        this.password = clientCertificatePassword;
        return pfxCertificate(certificatePath);
    }

    /**
     * Uses a PKCS#12 (PFX) file; set its password with {@link #clientCertificatePassword}.
     *
     * @param certificatePath the file's path
     * @return this builder
     */
    public ClientCertificateCredentialBuilder pfxCertificate(String certificatePath) {
        return pemCertificate(certificatePath);
    }

    /**
     * Uses PKCS#12 (PFX) content, read once at the first token request and closed.
     *
     * @param certificate the content
     * @return this builder
     */
    public ClientCertificateCredentialBuilder pfxCertificate(InputStream certificate) {
        return pemCertificate(certificate);
    }

    /**
     * Sets the password of a PFX certificate or an encrypted PEM key.
     *
     * @param clientCertificatePassword the password
     * @return this builder
     */
    public ClientCertificateCredentialBuilder clientCertificatePassword(String clientCertificatePassword) {
        this.password = clientCertificatePassword;
        return this;
    }

    /**
     * Sends the certificate chain ({@code x5c}), needed for subject name/issuer authentication
     * (default {@code false}).
     *
     * @param sendCertificateChain whether to send it
     * @return this builder
     */
    public ClientCertificateCredentialBuilder sendCertificateChain(boolean sendCertificateChain) {
        this.sendCertificateChain = sendCertificateChain;
        return this;
    }

    /**
     * Builds the credential. Reads no file.
     *
     * @return the credential
     * @throws IllegalArgumentException naming a missing or invalid setting
     */
    public ClientCertificateCredential build() {
        dev.azid.ClientCertificateCredential.Builder b = dev.azid.ClientCertificateCredential.builder().options(options())
                .certificatePassword(password).sendCertificateChain(sendCertificateChain);
        applyTo(b::tenantId, b::clientId, b::tokenCachePersistenceOptions);
        if (path != null) {
            b.certificateFile(path);
        } else if (stream != null) {
            b.certificate(stream);
        }
        return new ClientCertificateCredential(b.build());
    }
}
