package dev.azid.differential;

import java.util.List;

/**
 * A deliberate difference between azid and azure-identity: an id, the one-line reason, and how it shows in
 * the outcomes. {@link #account} removes exactly that shape from the pair (and nothing else), so that a test
 * naming a difference proves it happened and that nothing else differs. The README's "Differences from
 * azure-identity" table lists these.
 */
enum Difference {

    /** MSAL asks the public cloud's instance discovery about any authority host it does not know; azid never does. */
    NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY("azid builds the token endpoint from the authority host and never calls "
            + "login.microsoftonline.com for instance discovery (azure-identity's EnvironmentCredential and "
            + "DefaultAzureCredential do, even for a private or sovereign authority host, and wait through its retries)") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            if (ref.outbound().equals(List.of(PUBLIC_CLOUD)) && azid.outbound().isEmpty()) {
                return pair(ref.withOutbound(List.of()), azid);
            }
            return pair(ref, azid);
        }
    },

    /** MSAL adds the OpenID Connect scopes to an app-only token request, where Entra ID ignores them. */
    NO_OIDC_SCOPES_FOR_APP_TOKENS("azid sends only the requested scope in a client-credentials request; MSAL adds "
            + "openid, profile and offline_access, which Entra ID ignores for app-only tokens") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            return pair(ref.withRequests(ref.requests().stream().map(r -> r.contains("grant=client_credentials")
                    ? r.replace(", offline_access, openid, profile]", "]") : r).toList()), azid);
        }
    },

    /** azure-identity's standalone credentials let MSAL's exception out as a bare RuntimeException. */
    TYPED_FAILURE("where azure-identity throws a bare RuntimeException (a standalone credential refused by Entra ID, or "
            + "an unreadable certificate), azid throws its AuthenticationFailedException (a ClientAuthenticationException "
            + "through azure-core), so callers can catch the failure kind") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            return pair(ref.withStatus(replace(ref.status(), ":ERROR", azid.status(), ":FAILED")), azid);
        }
    },

    /** azure-identity 1.19's DefaultAzureCredential ends with the broker (Windows account manager). */
    NO_BROKER_CREDENTIAL_IN_DEFAULT_CHAIN("azid's DefaultAzureCredential does not end with BrokerCredential (sign-in "
            + "through the operating system's account broker, which needs azure-identity-broker); azure-identity 1.19 tries it "
            + "last, and without that package it is unavailable") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            String chain = ref.chain().replace(",BrokerCredential", "").replace("BrokerCredential", "");
            return pair(ref.withChain(chain), azid);
        }
    },

    /** A standalone AzurePowerShellCredential whose Get-AzAccessToken fails. */
    POWERSHELL_ERROR_FAILS_STANDALONE("a standalone AzurePowerShellCredential whose Get-AzAccessToken fails throws "
            + "AuthenticationFailedException with PowerShell's error (inside DefaultAzureCredential it is unavailable, as in "
            + "azure-identity); azure-identity 1.19 reports CredentialUnavailableException because it cannot parse the error output") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            return ref.chain().isEmpty() && ref.messages().stream().anyMatch(m -> m.contains("deserializing response from Azure Power Shell"))
                    ? pair(ref.withStatus(replace(ref.status(), ":UNAVAILABLE", azid.status(), ":FAILED")), azid) : pair(ref, azid);
        }
    },

    /** A standalone ManagedIdentityCredential on a machine where no managed identity endpoint answers. */
    NO_ENDPOINT_IS_UNAVAILABLE("a standalone ManagedIdentityCredential where no managed identity endpoint answers (not an "
            + "Azure host) throws CredentialUnavailableException saying so; azure-identity 1.19 throws a plain "
            + "ClientAuthenticationException (its CredentialUnavailableException's parent, so a catch of that still works)") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            return ref.chain().isEmpty() && azid.requests().isEmpty() && ref.requests().isEmpty()
                    && ref.messages().stream().anyMatch(m -> m.contains("Managed Identity authentication failed"))
                    ? pair(ref.withStatus(replace(ref.status(), ":FAILED", azid.status(), ":UNAVAILABLE")), azid) : pair(ref, azid);
        }
    },

    /** Both run {@code az account get-access-token}; azid passes the scope, azure-identity the resource. */
    AZ_SCOPE_ARGUMENT("azid runs 'az account get-access-token --scope <scope>' where azure-identity passes "
            + "'--resource <resource>'; the Azure CLI returns the same token") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            return pair(ref.withTools(ref.tools().stream().map(t -> t.replaceFirst("^az resource=(\\S+)",
                    "az resource=null scope=$1/.default")).toList()), azid);
        }
    },

    /** DefaultAzureCredential's first IMDS request only checks that an endpoint answers. */
    IMDS_PROBE_WITHOUT_QUERY("azid's IMDS availability probe inside DefaultAzureCredential is a bare GET of the token "
            + "path (any answer means IMDS is there); azure-identity's carries api-version") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            return pair(ref.withRequests(ref.requests().stream().map(r -> r.equals(
                    "GET /metadata/identity/oauth2/token {api-version=2018-02-01} -> 400")
                    ? "GET /metadata/identity/oauth2/token {} -> 400" : r).toList()), azid);
        }
    },

    /** azure-identity 1.19 throws a NullPointerException after killing a developer tool that did not finish. */
    TOOL_TIMEOUT_IS_UNAVAILABLE("a developer tool that does not finish within processTimeout is stopped and reported "
            + "as CredentialUnavailableException naming the timeout; azure-identity 1.19 fails with a "
            + "NullPointerException (AzureCliToken is null)") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            return ref.messages().stream().anyMatch(m -> m.startsWith("java.lang.NullPointerException"))
                    ? pair(ref.withStatus(replace(ref.status(), ":ERROR", azid.status(), ":UNAVAILABLE")), azid) : pair(ref, azid);
        }
    },

    /** MSAL reads MSI_ENDPOINT with MSI_SECRET as Cloud Shell; azid as the App Service 2017-09-01 protocol. */
    LEGACY_APP_SERVICE_MSI("with MSI_ENDPOINT and MSI_SECRET set (App Service's 2017-09-01 protocol, still on older "
            + "App Service and Azure ML hosts), azid uses that protocol; azure-identity 1.19 treats the pair as Cloud Shell, "
            + "which such a host refuses") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            boolean legacy = azid.requests().stream().anyMatch(r -> r.contains("/msi/legacy") && r.contains("api-version=2017-09-01"));
            boolean cloudShell = ref.requests().stream().noneMatch(r -> r.contains("api-version"))
                    && ref.messages().stream().anyMatch(m -> m.contains("CLOUD_SHELL") || m.contains("Managed Identity authentication failed"));
            return legacy && cloudShell ? pair(azid.withChain(ref.chain().isEmpty() ? "" : azid.chain())
                    .withOutbound(ref.outbound()), azid) : pair(ref, azid);
        }
    },

    /** Cloud Shell documents a POST with a form; msal4j sends a GET. */
    CLOUD_SHELL_POST_FORM("azid asks Cloud Shell with a POST carrying resource in a form, as Cloud Shell documents "
            + "(and MSAL for .NET, Python and JavaScript do); msal4j 1.26 sends a GET with resource in the query, which "
            + "Cloud Shell also answers") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            return pair(ref.withRequests(ref.requests().stream().map(r -> r.startsWith("GET /cloudshell/token {resource=")
                    && azid.requests().stream().anyMatch(a -> a.startsWith("POST /cloudshell/token {}"))
                    ? r.replaceFirst("^GET /cloudshell/token \\{resource=[^}]*}", "POST /cloudshell/token {}") : r).toList()), azid);
        }
    },

    /** MSAL asks the user's realm before the username/password grant. */
    NO_USER_REALM_DISCOVERY("azid sends the username/password grant at once; MSAL first asks /common/userrealm whether "
            + "the account is managed or federated (azid's UsernamePasswordCredential supports managed accounts, the only "
            + "kind Entra ID signs in with that grant; a federated one is refused by Entra ID with its own error)") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            if (azid.requests().stream().noneMatch(r -> r.contains("/userrealm/"))) {
                return pair(ref.withRequests(ref.requests().stream().filter(r -> !r.startsWith("GET /common/userrealm/")).toList()),
                        azid);
            }
            return pair(ref, azid);
        }
    },

    /** Azure Arc has only a system-assigned identity. */
    ARC_USER_ASSIGNED_REFUSED_BEFORE_ANY_REQUEST("a user-assigned identity configured on Azure Arc is refused before "
            + "any request (Arc would silently answer for the system identity); azure-identity sends the request and "
            + "fails on the answer") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            if (azid.requests().isEmpty() && ref.requests().stream().allMatch(r -> r.startsWith("GET /arc/"))) {
                return pair(ref.withRequests(List.of()), azid);
            }
            return pair(ref, azid);
        }
    },

    /** azure-identity 1.19's ClientSecretCredential asked Entra ID again for an identical request. */
    REPEATED_REQUEST_FROM_CACHE("azid answers a repeated identical request from its token cache with no second token "
            + "request; azure-identity 1.19's ClientSecretCredential sent a second one here") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            List<String> r = ref.requests();
            if (r.size() == azid.requests().size() + 1 && r.size() >= 2 && r.get(r.size() - 1).equals(r.get(r.size() - 2))) {
                return pair(ref.withRequests(r.subList(0, r.size() - 1)), azid);
            }
            return pair(ref, azid);
        }
    };

    /** Where MSAL's instance discovery goes. */
    static final String PUBLIC_CLOUD = "login.microsoftonline.com:443";

    private final String reason;

    Difference(String reason) {
        this.reason = reason;
    }

    /** @return why azid differs */
    String reason() {
        return reason;
    }

    /**
     * Accounts for this difference: returns the pair with exactly this difference's shape removed, or the
     * same pair when it did not occur.
     *
     * @param ref the reference's outcome
     * @param azid azid's outcome
     * @return {@code [reference, azid]} after accounting
     */
    abstract Outcome[] account(Outcome ref, Outcome azid);

    /**
     * The named differences that together account for every difference between two outcomes, to say
     * in a failure what a test could declare (when it is deliberate).
     *
     * @param ref the reference's outcome
     * @param azid azid's outcome
     * @return the differences, or {@code "none"} when they do not account for everything
     */
    static String explaining(Outcome ref, Outcome azid) {
        List<Difference> used = new java.util.ArrayList<>();
        Outcome r = ref;
        Outcome a = azid;
        for (Difference d : values()) {
            Outcome[] after = d.account(r, a);
            if (!after[0].equals(r) || !after[1].equals(a)) {
                used.add(d);
                r = after[0];
                a = after[1];
            }
        }
        return r.differences(a).isEmpty() ? used.toString() : "none";
    }

    /** The reference's statuses with each one ending in {@code from} set to azid's where azid's ends in {@code to}. */
    static List<String> replace(List<String> ref, String from, List<String> azid, String to) {
        List<String> status = new java.util.ArrayList<>(ref);
        for (int i = 0; i < status.size() && i < azid.size(); i++) {
            if (status.get(i).endsWith(from) && azid.get(i).endsWith(to)) {
                status.set(i, azid.get(i));
            }
        }
        return status;
    }

    static Outcome[] pair(Outcome ref, Outcome azid) {
        return new Outcome[] {ref, azid};
    }
}
