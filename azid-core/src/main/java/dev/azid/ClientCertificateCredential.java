package dev.azid;

import dev.azid.internal.credential.CredentialSettings.Variables;
import dev.azid.internal.credential.CredentialSettings.Sourced;
import dev.azid.internal.cert.CertificateSource;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.oauth2.CertificateAuthentication;
import dev.azid.internal.oauth2.ConfidentialClient;
import dev.azid.internal.credential.ConfidentialClients;
import dev.azid.internal.redact.Redactor;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Authenticates an application (service principal) with a certificate: each token request carries
 * a client assertion (a JWT signed with the certificate's RSA key, valid for 10 minutes, with the
 * {@code x5t#S256} thumbprint header; {@code x5t} for AD FS).
 *
 * <p>The certificate may be a PEM file (RSA private key as PKCS#8, PKCS#1, encrypted PKCS#8 or
 * OpenSSL-encrypted PKCS#1, plus the certificate and optionally its chain) or a PKCS#12 (PFX) file,
 * from a path, bytes or a stream. It is read at the first {@code getToken}, not when building; an
 * unreadable file, a wrong password, a missing key, or a certificate outside its validity period
 * fails with an {@link AuthenticationFailedException} that names the path (never the password).
 * Thread-safe.
 */
public final class ClientCertificateCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "ClientCertificateCredential";

    private ClientCertificateCredential(ConfidentialClient client) {
        super(client.tokens());
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link ClientCertificateCredential}. Not thread-safe. {@code tenantId} and {@code clientId} are required.
     */
    public static final class Builder extends EntraCredentialBuilder<Builder> {
        private Path path;
        private byte[] bytes;
        private InputStream stream;
        private String password;
        private boolean sendCertificateChain;
        private String signatureAlgorithm = "RS256";

        private Builder() {
        }

        /**
         * Uses a PEM file holding the private key and the certificate.
         *
         * @param pemFile the path
         * @return this builder
         */
        public Builder pemCertificate(Path pemFile) {
            return certificateFile(pemFile);
        }

        /**
         * Uses a PKCS#12 (PFX) file; set its password with {@link #certificatePassword}.
         *
         * @param pfxFile the path
         * @return this builder
         */
        public Builder pfxCertificate(Path pfxFile) {
            return certificateFile(pfxFile);
        }

        /**
         * Uses a certificate file, PEM or PKCS#12, recognised by its content.
         *
         * @param file the path
         * @return this builder
         */
        public Builder certificateFile(Path file) {
            this.path = java.util.Objects.requireNonNull(file, "file");
            this.bytes = null;
            this.stream = null;
            return this;
        }

        /**
         * Uses certificate bytes, PEM or PKCS#12 (copied).
         *
         * @param certificate the content
         * @return this builder
         */
        public Builder certificate(byte[] certificate) {
            this.bytes = certificate.clone();
            this.path = null;
            this.stream = null;
            return this;
        }

        /**
         * Uses a stream of PEM or PKCS#12 content, read once at the first {@code getToken} and closed.
         *
         * @param certificate the stream
         * @return this builder
         */
        public Builder certificate(InputStream certificate) {
            this.stream = java.util.Objects.requireNonNull(certificate, "certificate");
            this.path = null;
            this.bytes = null;
            return this;
        }

        /**
         * Sets the password of a PFX file or an encrypted PEM key.
         *
         * @param password the password
         * @return this builder
         */
        public Builder certificatePassword(String password) {
            this.password = password;
            return this;
        }

        /**
         * Sends the certificate chain in the assertion's {@code x5c} header, needed for
         * subject-name/issuer authentication (default {@code false}).
         *
         * @param send whether to send the chain
         * @return this builder
         */
        public Builder sendCertificateChain(boolean send) {
            this.sendCertificateChain = send;
            return this;
        }

        /**
         * Sets the assertion's signature algorithm: {@code RS256} (default, what MSAL sends) or
         * {@code PS256} (RSA-PSS, what Microsoft's documentation shows). AD FS always gets RS256.
         *
         * @param algorithm {@code RS256} or {@code PS256}
         * @return this builder
         */
        public Builder signatureAlgorithm(String algorithm) {
            this.signatureAlgorithm = algorithm;
            return this;
        }

        /**
         * Builds the credential. Reads no file.
         *
         * @return the credential
         * @throws IllegalArgumentException naming the setting, if one is missing or invalid
         */
        public ClientCertificateCredential build() {
            return new ClientCertificateCredential(buildClient(NAME, options.settings(), Variables.SHARED, "tenantId"));
        }

        /** Builds the client; {@link EnvironmentCredential} names its variables as the sources. */
        ConfidentialClient buildClient(String name, CredentialSettings settings, Variables variables, String tenantSource) {
            String algorithm = signatureAlgorithm == null ? "" : signatureAlgorithm.trim().toUpperCase(Locale.ROOT);
            if (!algorithm.equals("RS256") && !algorithm.equals("PS256")) {
                throw new IllegalArgumentException(name + ": signatureAlgorithm must be RS256 or PS256. Leave it unset "
                        + "for RS256.");
            }
            Clock clock = settings.clock();
            CertificateSource source = CertificateSource.select(name, path, bytes, stream, password, clock);
            CertificateAuthentication auth = new CertificateAuthentication(
                    ConfidentialClients.require(clientId, name, "clientId", "the application (client) id").trim(),
                    source::get, source.fingerprint(), algorithm.equals("PS256"), sendCertificateChain, clock);
            return ConfidentialClients.create(name, settings, variables, new Sourced<>(tenantId, tenantSource), clientId,
                    auth, Redactor.withSecrets(password), persistence);
        }
    }
}
