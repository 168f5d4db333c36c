package dev.azid;

import dev.azid.internal.cache.CachedTokenSource;
import dev.azid.internal.credential.Refused;
import dev.azid.internal.devtools.ChainMemberTokens;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.shared.SharedInspection;
import dev.azid.internal.shared.SharedTokens;

/**
 * Finds where a public credential caches a request's token, without fetching one, for
 * {@link SharedTokenCache#inspect}: through the credential's wrappers to its token source, whose
 * rules make the cache key (scopes, tenant, CAE), then hands the key and the source's shared level
 * to {@link SharedInspection}. Package-private: not part of the API.
 */
final class SharedCacheInspector {

    private SharedCacheInspector() {
    }

    static SharedCacheStatus inspect(SharedTokens tokens, TokenCredential credential, TokenRequestContext request) {
        if (request.claims() != null) {
            return SharedInspection.notShared(tokens, "a request with claims always fetches a new token, which is never "
                    + "shared with other processes");
        }
        TokenCredential source = credential;
        while (true) {
            if (source instanceof DelegatingCredential d) {
                source = d.tokens();
            } else if (source instanceof ChainMemberTokens member) {
                source = member.source();
            } else {
                break;
            }
        }
        if (source instanceof CachedTokenSource cached) {
            CachedTokenSource.Lookup lookup;
            try {
                lookup = cached.lookup(request);
            } catch (IllegalArgumentException | CredentialException e) {
                // The credential's own message (its rules name no secret); masked all the same.
                return SharedInspection.notShared(tokens, "the credential refuses this request ("
                        + Redactor.SHAPES.redact(String.valueOf(e.getMessage())) + ")");
            }
            return SharedInspection.inspect(tokens, lookup.key(), lookup.shared());
        }
        if (source instanceof Refused) {
            return SharedInspection.notShared(tokens, "the credential has no token source here: its configuration is "
                    + "unavailable or refused (its getToken says why)");
        }
        if (source instanceof ChainedTokenCredential) {
            return SharedInspection.notShared(tokens, "a chain shares nothing itself: inspect each of its credentials "
                    + "(DefaultAzureCredential.credentials())");
        }
        return SharedInspection.notShared(tokens, source.getClass().getSimpleName() + " does not cache tokens in azid's "
                + "token cache, so it shares none");
    }
}
