package dev.azid.internal.oauth2;

import java.net.URI;

/** How a confidential client proves its identity at the token endpoint. */
public interface ClientAuthentication {

    /**
     * Adds the client's proof to a token request.
     *
     * @param form the form being built
     * @param tokenEndpoint the endpoint the request goes to (the audience of assertions)
     */
    void apply(FormBody form, URI tokenEndpoint);

    /**
     * A stable, non-reversible fingerprint of the credential material, for cache keys only.
     *
     * @return the fingerprint
     */
    String fingerprint();

    /**
     * The value of {@code appidacr}-style method, for logs: {@code secret}, {@code certificate},
     * {@code assertion}.
     *
     * @return the method name
     */
    String method();
}
