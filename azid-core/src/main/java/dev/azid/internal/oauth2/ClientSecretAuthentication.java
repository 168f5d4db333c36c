package dev.azid.internal.oauth2;

import dev.azid.internal.fingerprint.Fingerprints;
import java.net.URI;

/** A client secret sent in the form body ({@code client_secret}). */
public final class ClientSecretAuthentication implements ClientAuthentication {

    private final String secret;
    private final String fingerprint;

    /**
     * Creates it.
     *
     * @param secret the client secret
     */
    public ClientSecretAuthentication(String secret) {
        this.secret = secret;
        this.fingerprint = Fingerprints.sha256(secret);
    }

    @Override
    public void apply(FormBody form, URI tokenEndpoint) {
        form.add("client_secret", secret);
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String method() {
        return "secret";
    }

    @Override
    public String toString() {
        return "ClientSecretAuthentication[secret=<redacted>]";
    }
}
