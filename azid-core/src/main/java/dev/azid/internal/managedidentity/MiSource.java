package dev.azid.internal.managedidentity;

import dev.azid.AccessToken;

/** One managed-identity endpoint protocol (IMDS, App Service, Arc, ...). */
public interface MiSource {

    /**
     * The source's name for messages, e.g. {@code IMDS} or {@code App Service}.
     *
     * @return the name
     */
    String name();

    /**
     * Gets a token.
     *
     * @param resource the resource (a scope without {@code /.default})
     * @return the token
     * @throws dev.azid.CredentialException when the source cannot or did not give one
     */
    AccessToken token(String resource);
}
