package dev.azid.internal.oauth2;

import java.util.Set;

/**
 * Which tenants a credential's requests may name besides its own.
 *
 * @param allowed the additionally allowed tenants, lower case, or {@code {"*"}}
 * @param multiTenantDisabled whether {@code AZURE_IDENTITY_DISABLE_MULTITENANTAUTH} refuses every
 *     other tenant, whatever {@code allowed} says (as {@code azure-identity} does)
 */
public record TenantPolicy(Set<String> allowed, boolean multiTenantDisabled) {

    /** Copies the set. */
    public TenantPolicy {
        allowed = Set.copyOf(allowed);
    }

    /**
     * A policy with only an allow-list.
     *
     * @param allowed the additionally allowed tenants
     * @return the policy
     */
    public static TenantPolicy allowing(Set<String> allowed) {
        return new TenantPolicy(allowed, false);
    }
}
