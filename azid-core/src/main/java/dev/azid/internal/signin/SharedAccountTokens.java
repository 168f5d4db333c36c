package dev.azid.internal.signin;

import dev.azid.AccessToken;
import dev.azid.internal.cache.CacheKey;
import dev.azid.internal.cache.CachedTokenSource;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.cache.SecondLevel;
import dev.azid.internal.oauth2.UserTokenResult;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A user credential's access tokens in the cache shared with other processes, only ever under a key
 * that names the signed-in account: the identity {@code user|<authority host>|<client id>|<home
 * account id>}, with the request's tenant, scopes and CAE flag.
 * <ul>
 *   <li>Account known (the session's, or before any sign-in the authentication record's): the store
 *       is asked first; a token obtained for that account is published under its key; one obtained
 *       for another account (the user signed in as someone else) is published under that other
 *       account's key only.</li>
 *   <li>Account unknown: the store is never asked, as nothing there can be known to be this user's;
 *       the token obtained is published under its account's key when the sign-in named the account,
 *       otherwise nowhere.</li>
 * </ul>
 * Only access tokens are shared: refresh tokens stay in the process (and its persistent cache, when
 * one is configured). Requests with claims neither read nor publish, as in the in-process cache.
 * Thread-safe.
 */
final class SharedAccountTokens {

    private final SecondLevel shared;
    private final String identity;

    /**
     * Creates it. Performs no I/O.
     *
     * @param shared the shared level, or {@link SecondLevel#NONE}
     * @param host the authority host (the cloud the account belongs to)
     * @param clientId the client the tokens were issued to
     */
    SharedAccountTokens(SecondLevel shared, URI host, String clientId) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.identity = "user|" + host + "|" + clientId + "|";
    }

    /**
     * Returns a token for the request: one another process stored for the account, or the one
     * {@code obtain} gets.
     *
     * @param request the checked request
     * @param account the home account id the token is expected to be for, or {@code null} when unknown
     * @param obtain renews or signs in; the result names the account it is for
     * @return the token
     */
    AccessToken fetch(ResolvedRequest request, String account, Supplier<UserTokenResult> obtain) {
        String expected = named(account);
        if (expected == null || request.claims() != null) {
            UserTokenResult r = obtain.get();
            offer(request, r);
            return r.token();
        }
        try {
            return shared.fetch(key(request, expected), () -> {
                UserTokenResult r = obtain.get();
                if (!expected.equals(named(r.homeAccountId()))) {
                    // Thrown so that the shared level releases its lease without storing under the wrong account.
                    throw new OtherAccount(r);
                }
                return r.token();
            });
        } catch (OtherAccount e) {
            offer(request, e.result);
            return e.result.token();
        }
    }

    /**
     * Publishes a token under its account's key, if the result names the account and the request
     * has no claims.
     *
     * @param request the checked request
     * @param r the sign-in's or renewal's result
     */
    void offer(ResolvedRequest request, UserTokenResult r) {
        String account = named(r.homeAccountId());
        if (account != null && request.claims() == null) {
            shared.offer(key(request, account), r.token());
        }
    }

    /**
     * Where a request's token is shared, for diagnostics: under the expected account's key, or
     * nowhere while no account is known or when the credential kind shares none.
     *
     * @param request the checked request
     * @param account the home account id a fetch would expect, or {@code null} when unknown
     * @param inProcess the in-process cache's key and level, kept when nothing is shared
     * @return the key and level
     */
    CachedTokenSource.Lookup lookup(ResolvedRequest request, String account, CachedTokenSource.Lookup inProcess) {
        String expected = named(account);
        if (shared == SecondLevel.NONE) {
            // This credential kind does not share user tokens (an authorization code's): its cache says why.
            return inProcess;
        }
        if (shared instanceof SecondLevel.NotShared) {
            return new CachedTokenSource.Lookup(inProcess.key(), shared);
        }
        if (expected == null) {
            return new CachedTokenSource.Lookup(inProcess.key(), new SecondLevel.NotShared("no signed-in account is "
                    + "known yet, and a user's tokens are shared only under the account's key: sign in once "
                    + "(authenticate()) or give the builder an AuthenticationRecord"));
        }
        return new CachedTokenSource.Lookup(key(request, expected), shared);
    }

    private CacheKey key(ResolvedRequest request, String account) {
        return new CacheKey(identity + account, request.tenant() == null ? "" : request.tenant(), request.scopes(),
                request.enableCae());
    }

    private static String named(String account) {
        return account == null || account.isBlank() ? null : account;
    }

    /** A token obtained for an account other than the expected one; never leaves this class. */
    private static final class OtherAccount extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient UserTokenResult result;

        OtherAccount(UserTokenResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
