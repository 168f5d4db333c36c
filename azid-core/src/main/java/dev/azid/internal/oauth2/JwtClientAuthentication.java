package dev.azid.internal.oauth2;

import java.net.URI;

/**
 * A client that proves itself with a JWT client assertion (RFC 7523), written once: the two form
 * fields and the fingerprint for cache keys. Each kind says where its assertion comes from.
 */
abstract class JwtClientAuthentication implements ClientAuthentication {

    private final String fingerprint;

    JwtClientAuthentication(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    /**
     * The assertion to send.
     *
     * @param tokenEndpoint the endpoint it is sent to, its audience
     * @return the JWT
     */
    abstract String assertion(URI tokenEndpoint);

    @Override
    public final void apply(FormBody form, URI tokenEndpoint) {
        form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.add("client_assertion", assertion(tokenEndpoint));
    }

    @Override
    public final String fingerprint() {
        return fingerprint;
    }
}
