package dev.azid.azure.identity;

/**
 * Authenticates an application (service principal) with a certificate. An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.ClientCertificateCredential}, backed by {@code dev.azid.ClientCertificateCredential}. Built by {@link ClientCertificateCredentialBuilder}.
 * Thread-safe.
 */
public final class ClientCertificateCredential extends BackedCredential {

    ClientCertificateCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }
}
