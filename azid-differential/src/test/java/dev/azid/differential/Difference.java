package dev.azid.differential;

import java.util.List;
import java.util.function.BinaryOperator;

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
            List<String> status = new java.util.ArrayList<>(ref.status());
            for (int i = 0; i < status.size() && i < azid.status().size(); i++) {
                if (status.get(i).endsWith(":ERROR") && azid.status().get(i).endsWith(":FAILED")) {
                    status.set(i, azid.status().get(i));
                }
            }
            return pair(ref.withStatus(status), azid);
        }
    },

    /** azure-identity 1.19's DefaultAzureCredential also tries IntelliJ, VS Code and the broker. */
    NO_IDE_CREDENTIALS_IN_DEFAULT_CHAIN("azid's DefaultAzureCredential does not try IntelliJCredential, "
            + "VisualStudioCodeCredential or BrokerCredential (IDE and desktop sign-ins); build them explicitly to use them") {
        @Override
        Outcome[] account(Outcome ref, Outcome azid) {
            String chain = ref.chain();
            for (String name : List.of("IntelliJCredential", "VisualStudioCodeCredential", "BrokerCredential")) {
                chain = chain.replace("," + name, "").replace(name + ",", "").replace(name, "");
            }
            return pair(ref.withChain(chain), azid);
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

    static Outcome[] pair(Outcome ref, Outcome azid) {
        return new Outcome[] {ref, azid};
    }

    /** Combines differences that a whole group shows. */
    static final BinaryOperator<Difference[]> AND = (a, b) -> {
        Difference[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    };
}
