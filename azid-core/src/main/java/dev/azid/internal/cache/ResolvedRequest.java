package dev.azid.internal.cache;

import dev.azid.TokenRequestContext;
import java.util.List;

/**
 * A token request after a {@link CachedTokenSource} checked it: what a protocol fetches.
 *
 * @param tenant the tenant chosen, or {@code null} for the tool's or host's default
 * @param scopes the checked scopes (normalised by the credential's scope rule)
 * @param request the original request, for its claims and CAE flag
 */
public record ResolvedRequest(String tenant, List<String> scopes, TokenRequestContext request) {

    /** Copies the scopes. */
    public ResolvedRequest {
        scopes = List.copyOf(scopes);
    }

    /** @return the request's claims challenge, or {@code null} */
    public String claims() {
        return request.claims();
    }

    /** @return whether the caller handles Continuous Access Evaluation challenges */
    public boolean enableCae() {
        return request.enableCae();
    }

    /** @return the only scope, for protocols that accept exactly one */
    public String scope() {
        return scopes.get(0);
    }
}
