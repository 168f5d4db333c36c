package dev.azid.internal.signin;

import dev.azid.internal.oauth2.Authority;
import dev.azid.internal.oauth2.UserTokenResult;
import java.util.List;

/** An interactive sign-in (browser, device code): gets the user's first tokens. */
@FunctionalInterface
public interface UserSignIn {

    /**
     * Signs the user in.
     *
     * @param authority the authority and tenant
     * @param scopes the scopes, including the OpenID Connect ones
     * @param claims a claims request, or {@code null}
     * @return the tokens and account
     */
    UserTokenResult signIn(Authority authority, List<String> scopes, String claims);
}
