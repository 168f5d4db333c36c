package dev.azid.internal.cache;

import java.util.List;
import java.util.Objects;

/**
 * What a cached token is for. Two requests share a token only when every part is equal.
 *
 * @param identity who the token is for: the credential kind, authority, client id and a
 *     fingerprint of the credential material (never the material itself)
 * @param tenant the tenant the token was issued in
 * @param scopes the requested scopes, in request order
 * @param cae whether the token was requested with Continuous Access Evaluation
 */
public record CacheKey(String identity, String tenant, List<String> scopes, boolean cae) {

    /** Validates and copies. */
    public CacheKey {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(tenant, "tenant");
        scopes = List.copyOf(scopes);
    }

    /** Names the tenant and scopes only: the identity holds a credential fingerprint. */
    @Override
    public String toString() {
        return "CacheKey[tenant=" + tenant + ", scopes=" + scopes + ", cae=" + cae + "]";
    }
}
