package dev.azid.azure.identity;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds an {@link OnBehalfOfCredential}, with the methods of
 * {@code com.azure.identity.OnBehalfOfCredentialBuilder}: the API authenticates with a client secret
 * or a certificate (PEM or PFX, recognised by content). Not thread-safe.
 */
public final class OnBehalfOfCredentialBuilder extends EntraCompatBuilder<OnBehalfOfCredentialBuilder> {

    private String clientSecret;
    private String certificatePath;
    private String certificatePassword;
    private String userAssertion;

    /** Creates a builder with every default. */
    public OnBehalfOfCredentialBuilder() {
    }

    /**
     * Authenticates the API with a client secret.
     *
     * @param clientSecret the secret's value
     * @return this builder
     */
    public OnBehalfOfCredentialBuilder clientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
        return this;
    }

    /**
     * Authenticates the API with a PEM certificate file.
     *
     * @param pemCertificatePath the file's path
     * @return this builder
     */
    public OnBehalfOfCredentialBuilder pemCertificate(String pemCertificatePath) {
        this.certificatePath = Objects.requireNonNull(pemCertificatePath, "pemCertificatePath");
        return this;
    }

    /**
     * Authenticates the API with a PKCS#12 (PFX) certificate file; see {@link #clientCertificatePassword}.
     *
     * @param pfxCertificatePath the file's path
     * @return this builder
     */
    public OnBehalfOfCredentialBuilder pfxCertificate(String pfxCertificatePath) {
        this.certificatePath = Objects.requireNonNull(pfxCertificatePath, "pfxCertificatePath");
        return this;
    }

    /**
     * Sets the certificate's password.
     *
     * @param clientCertificatePassword the password
     * @return this builder
     */
    public OnBehalfOfCredentialBuilder clientCertificatePassword(String clientCertificatePassword) {
        this.certificatePassword = clientCertificatePassword;
        return this;
    }

    /**
     * Accepts {@code false}, the default; azid's on-behalf-of credential does not send the chain yet.
     *
     * @param sendCertificateChain whether to send the certificate chain
     * @return this builder
     * @throws UnsupportedOperationException for {@code true}
     */
    public OnBehalfOfCredentialBuilder sendCertificateChain(boolean sendCertificateChain) {
        if (sendCertificateChain) {
            throw Unsupported.feature(builderName(), "sendCertificateChain(true)", "Register the certificate itself "
                    + "(not subject name/issuer) on the application, and remove the call.");
        }
        return this;
    }

    /**
     * Sets the access token the user sent to the API (required).
     *
     * @param userAssertion the incoming token
     * @return this builder
     */
    public OnBehalfOfCredentialBuilder userAssertion(String userAssertion) {
        this.userAssertion = userAssertion;
        return this;
    }

    /**
     * Not supported yet: azid's on-behalf-of credential authenticates the API with a secret or a
     * certificate only.
     *
     * @param clientAssertionSupplier ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    public OnBehalfOfCredentialBuilder clientAssertion(Supplier<String> clientAssertionSupplier) {
        throw Unsupported.feature(builderName(), "clientAssertion(Supplier)", "Use clientSecret(...) or "
                + "pemCertificate(...)/pfxCertificate(...).");
    }

    /**
     * Builds the credential. Performs no I/O.
     *
     * @return the credential
     * @throws IllegalArgumentException naming a missing or conflicting setting
     */
    public OnBehalfOfCredential build() {
        dev.azid.OnBehalfOfCredential.Builder b = dev.azid.OnBehalfOfCredential.builder().options(options())
                .userAssertion(userAssertion).clientSecret(clientSecret);
        applyTo(b::tenantId, b::clientId, b::tokenCachePersistenceOptions);
        if (certificatePath != null) {
            b.certificate(Path.of(certificatePath), certificatePassword);
        }
        return new OnBehalfOfCredential(b.build());
    }
}
