package dev.azid.internal.util;

/**
 * What an endpoint URL is for. Every URL that decides where a secret, an assertion or a token
 * request goes is checked by {@link EndpointUrl#check} under one of these uses; the use only
 * decides the schemes, whether a query or user info may appear, and the example in messages.
 * Everything else (no whitespace, control characters, backslashes, traversal segments or
 * fragment; a real host; a port from 1 to 65535) holds for every use.
 */
public enum UrlUse {

    /** An Entra ID or AD FS authority host: {@code https} (or {@code http} on loopback), no query. */
    AUTHORITY_HOST(Schemes.HTTPS_OR_LOOPBACK_HTTP, false, false, "https",
            "an https URL with only a host (and port), such as https://login.microsoftonline.com"),
    /** An Azure Resource Manager endpoint or ARM metadata URL. */
    RESOURCE_MANAGER(Schemes.HTTPS_OR_LOOPBACK_HTTP, false, false, null,
            "an https URL such as https://management.azure.com/"),
    /**
     * A managed-identity endpoint the host platform sets: {@code http} or {@code https} on any host,
     * since App Service on Linux, pod identity and Azure ML use plain HTTP on private addresses.
     */
    MANAGED_IDENTITY(Schemes.HTTP_OR_HTTPS, false, false, null,
            "the URL the platform sets, such as http://169.254.169.254 or http://127.0.0.1:41741/msi/token"),
    /** The Service Fabric endpoint: {@code https} only, because its certificate is pinned. */
    SERVICE_FABRIC(Schemes.HTTPS, false, false, null,
            "the URL Service Fabric sets, such as https://10.0.0.4:2377/metadata/identity/oauth2/token"),
    /** A CI system's OIDC token request URL (GitHub Actions, Azure Pipelines): a query is allowed. */
    OIDC_REQUEST(Schemes.HTTPS_OR_LOOPBACK_HTTP, true, false, null,
            "the https URL the CI system sets for the job"),
    /** A proxy: {@code http} or {@code https}; user info is the proxy's credentials and is never shown. */
    PROXY(Schemes.HTTP_OR_HTTPS, false, true, "http", "a URL such as http://proxy.example:3128"),
    /** A browser sign-in's redirect URL: {@code http} on a loopback host only. */
    LOOPBACK_REDIRECT(Schemes.LOOPBACK_HTTP, false, false, null, "http://localhost[:port][/path]"),
    /** A page the user is sent to, such as a device code's verification page. */
    USER_PAGE(Schemes.HTTPS_OR_LOOPBACK_HTTP, true, false, null, "an https URL such as https://microsoft.com/devicelogin");

    /** Which schemes a use allows. */
    enum Schemes {
        /** {@code https}, or {@code http} on a loopback host. */
        HTTPS_OR_LOOPBACK_HTTP("must use https (http is allowed only for a loopback host such as localhost or 127.0.0.1)"),
        /** {@code http} or {@code https}. */
        HTTP_OR_HTTPS("must use http or https"),
        /** {@code https} only. */
        HTTPS("must use https"),
        /** {@code http} on a loopback host only. */
        LOOPBACK_HTTP("must use http on a loopback host (localhost, 127.0.0.1 or [::1])");

        private final String rule;

        Schemes(String rule) {
            this.rule = rule;
        }

        /** @return the rule, for messages */
        String rule() {
            return rule;
        }
    }

    private final Schemes schemes;
    private final boolean queryAllowed;
    private final boolean userInfoAllowed;
    private final String defaultScheme;
    private final String example;

    UrlUse(Schemes schemes, boolean queryAllowed, boolean userInfoAllowed, String defaultScheme, String example) {
        this.schemes = schemes;
        this.queryAllowed = queryAllowed;
        this.userInfoAllowed = userInfoAllowed;
        this.defaultScheme = defaultScheme;
        this.example = example;
    }

    /** @return the schemes allowed */
    Schemes schemes() {
        return schemes;
    }

    /** @return whether a query may appear */
    boolean queryAllowed() {
        return queryAllowed;
    }

    /** @return whether user info may appear (it is never shown) */
    boolean userInfoAllowed() {
        return userInfoAllowed;
    }

    /** @return the scheme assumed when the value has none, or {@code null} when a scheme is required */
    String defaultScheme() {
        return defaultScheme;
    }

    /** @return what a valid value looks like, for messages */
    public String example() {
        return example;
    }
}
