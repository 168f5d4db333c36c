package dev.azid.internal.oauth2;

import dev.azid.internal.cache.CachedTokenSource;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/** Scope validation and the rules of the {@code /.default} scope. */
public final class Scopes {

    /**
     * Only these characters may appear in a scope: it becomes a form field and a CLI argument. A
     * leading {@code -} is refused too, so that a scope can never be read as a tool's option.
     */
    private static final Pattern SAFE = Pattern.compile("[0-9A-Za-z_.:/-]+");
    private static final String DEFAULT_SUFFIX = "/.default";

    private Scopes() {
    }

    /**
     * Checks every scope's characters.
     *
     * @param credentialName the credential, for the message
     * @param scopes the scopes
     * @throws IllegalArgumentException if a scope has characters other than letters, digits and
     *     {@code _ . : / -}, or starts with {@code -}
     */
    public static void validate(String credentialName, List<String> scopes) {
        for (String scope : scopes) {
            if (scope == null || !SAFE.matcher(scope).matches()) {
                throw new IllegalArgumentException(credentialName + ": scope '" + printable(String.valueOf(scope))
                        + "' has characters that are not allowed; only letters, digits, '_', '.', ':', '/' and '-' are. "
                        + "Use a scope such as https://management.azure.com/.default.");
            }
            if (scope.startsWith("-")) {
                // A developer tool would read it as one of its own options (--debug, --help).
                throw new IllegalArgumentException(credentialName + ": scope '" + scope + "' starts with '-', which no "
                        + "scope does. Use a scope such as https://management.azure.com/.default.");
            }
        }
    }

    /**
     * The scope rule of the user flows: any number of scopes, each {@link #validate validated}.
     *
     * @param credentialName the credential, for messages
     * @return the rule
     */
    public static CachedTokenSource.ScopeRule anyValid(String credentialName) {
        return scopes -> {
            validate(credentialName, scopes);
            return scopes;
        };
    }

    /**
     * The scope rule of the client-credentials grant: {@link #forClientCredentials}.
     *
     * @param credentialName the credential, for messages
     * @return the rule
     */
    public static CachedTokenSource.ScopeRule clientCredentials(String credentialName) {
        return scopes -> List.of(forClientCredentials(credentialName, scopes));
    }

    /**
     * The scope rule of sources that get a token for one scope at a time (managed identity,
     * developer tools): {@link #validate validated}, then exactly one.
     *
     * @param credentialName the credential, for messages
     * @param tooMany the message when there are several, given their number
     * @return the rule
     */
    public static CachedTokenSource.ScopeRule exactlyOne(String credentialName, IntFunction<String> tooMany) {
        return scopes -> {
            validate(credentialName, scopes);
            if (scopes.size() != 1) {
                throw new IllegalArgumentException(tooMany.apply(scopes.size()));
            }
            return scopes;
        };
    }

    /**
     * The scope for the client-credentials grant, which accepts only one resource's
     * {@code /.default} scope. A bare resource URI ({@code https://vault.azure.net} or with a
     * trailing slash) is turned into its {@code /.default} scope, as Azure SDKs do with resources.
     *
     * @param credentialName the credential, for the message
     * @param scopes the requested scopes
     * @return the single scope to send
     * @throws IllegalArgumentException if there are several scopes or a delegated scope
     */
    public static String forClientCredentials(String credentialName, List<String> scopes) {
        validate(credentialName, scopes);
        if (scopes.size() != 1) {
            throw new IllegalArgumentException(credentialName + ": " + scopes.size() + " scopes were requested, but an "
                    + "application token is for one resource at a time. Request one scope such as "
                    + "https://management.azure.com/.default.");
        }
        String scope = scopes.get(0);
        if (scope.endsWith(DEFAULT_SUFFIX)) {
            return scope;
        }
        if (isBareResource(scope)) {
            return (scope.endsWith("/") ? scope.substring(0, scope.length() - 1) : scope) + DEFAULT_SUFFIX;
        }
        throw new IllegalArgumentException(credentialName + ": scope '" + scope + "' is a delegated permission, but an "
                + "application authenticates with the '/.default' scope of a resource. Request '"
                + resourceOf(scope) + DEFAULT_SUFFIX + "' instead.");
    }

    /**
     * The resource a {@code /.default} scope stands for, as the sources that take a resource rather
     * than a scope (managed identity, Azure PowerShell) want it.
     *
     * @param scope the scope
     * @return the scope without {@code /.default}; another scope as it is
     */
    public static String resource(String scope) {
        return scope.endsWith(DEFAULT_SUFFIX) ? scope.substring(0, scope.length() - DEFAULT_SUFFIX.length()) : scope;
    }

    /** A URL with nothing after the host, or a non-URL app id like {@code api://x} without a path. */
    private static boolean isBareResource(String scope) {
        try {
            URI uri = new URI(scope);
            if (uri.getScheme() == null) {
                return false;
            }
            String path = uri.getRawPath();
            return (path == null || path.isEmpty() || path.equals("/")) && uri.getRawQuery() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String resourceOf(String scope) {
        int slash = scope.lastIndexOf('/');
        return slash > scope.indexOf("//") + 1 ? scope.substring(0, slash) : scope;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.length() > 200 ? sb.substring(0, 200) + "..." : sb.toString();
    }

    /** The OpenID Connect scopes that user flows always request, and that are not resource scopes. */
    public static final List<String> OIDC = List.of("openid", "profile", "offline_access");

    /**
     * The scopes plus the OpenID Connect ones user flows always request.
     *
     * @param scopes the resource scopes
     * @return the scopes followed by {@link #OIDC}, without duplicates
     */
    public static List<String> withOidc(List<String> scopes) {
        Set<String> all = new LinkedHashSet<>(scopes);
        all.addAll(OIDC);
        return new ArrayList<>(all);
    }
}
