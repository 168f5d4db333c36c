package dev.azid;

import dev.azid.internal.oauth2.ClientSecretAuthentication;
import dev.azid.internal.redact.Redactor;

/**
 * The client secret, for the builders of the credentials whose application may prove itself with
 * one (client secret, authorization code, on-behalf-of), written once on top of
 * {@link EntraCredentialBuilder}: the setter, the proof it makes, and the redactor that masks it.
 * Whether the secret is required, optional or one of two choices is stated on each credential.
 *
 * @param <B> the credential's builder, returned by every setter for chaining
 */
abstract class ClientSecretBuilder<B extends ClientSecretBuilder<B>> extends EntraCredentialBuilder<B> {

    /** The secret as set, or {@code null}. */
    String clientSecret;

    ClientSecretBuilder() {
    }

    /**
     * Sets the value of a client secret of the app registration (the secret's value, not its id).
     *
     * @param clientSecret the secret's value
     * @return this builder
     */
    public final B clientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
        return self();
    }

    /** @return the proof the secret makes in a token request, or {@code null} when none is set */
    final ClientSecretAuthentication secretAuthentication() {
        return clientSecret == null ? null : new ClientSecretAuthentication(clientSecret);
    }

    /**
     * The redactor for the credential's requests and answers: masks the secret, also inside an HTTP
     * Basic header of the client id and secret, and the credential's other secrets.
     *
     * @param clientId the client id as sent, or {@code null}
     * @param otherSecrets the credential's other secrets; {@code null}s are ignored
     * @return the redactor
     */
    final Redactor secretRedactor(String clientId, String... otherSecrets) {
        return Redactor.withSecrets(otherSecrets).and(clientSecret).andBasic(clientId, clientSecret);
    }
}
