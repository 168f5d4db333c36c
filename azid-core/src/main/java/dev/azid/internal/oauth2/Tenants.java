package dev.azid.internal.oauth2;

import dev.azid.internal.cache.CachedTokenSource;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tenant ids: validation, and which tenant a request may use.
 *
 * <p>A request for a tenant other than the credential's is allowed only when that tenant is in the
 * credential's additionally allowed tenants, or they contain {@code *}; an {@code adfs} credential
 * never switches tenants.
 */
public final class Tenants {

    /** Only these characters may appear in a tenant id: it becomes a URL path segment and a CLI argument. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9.-]+");

    private Tenants() {
    }

    /**
     * Checks a tenant id's characters.
     *
     * @param tenant the tenant id or domain
     * @param source where the value came from (a setting, a variable), for the message
     * @return the tenant
     * @throws IllegalArgumentException if it is empty, has other characters than letters,
     *     digits, {@code .} and {@code -}, or starts with {@code -}
     */
    public static String validate(String tenant, String source) {
        // A leading '-' would make a developer tool read the tenant as one of its options (--help); the
        // tenant is also a path segment of the token URL, so '.', '..' or a leading/trailing dot (or two
        // dots in a row) would move the request to another path on the authority.
        if (tenant == null || !SAFE.matcher(tenant).matches() || tenant.startsWith("-") || tenant.startsWith(".")
                || tenant.endsWith(".") || tenant.contains("..")) {
            throw new IllegalArgumentException(source + " is not a valid tenant id: only letters, digits, '.' and '-' "
                    + "are allowed, it may not start with '-' or '.', end with '.' or hold '..'. Use the directory (tenant) "
                    + "id GUID or a domain such as contoso.onmicrosoft.com.");
        }
        return tenant;
    }

    /**
     * Normalises a list of additionally allowed tenants: trimmed, validated, and collapsed to
     * {@code [*]} if any entry is {@code *}.
     *
     * @param tenants the tenants
     * @param source where the list came from, for the message
     * @return the set
     */
    public static Set<String> allowedSet(Collection<String> tenants, String source) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : tenants) {
            String v = t == null ? "" : t.trim();
            if (v.isEmpty()) {
                continue;
            }
            if (v.equals("*")) {
                return Set.of("*");
            }
            out.add(validate(v, source).toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    /**
     * The tenant rule of a credential configured for a tenant: {@link #resolve} with its settings.
     *
     * @param credentialName the credential, for messages
     * @param configured the credential's tenant
     * @param policy the other tenants it may use
     * @return the rule
     */
    public static CachedTokenSource.TenantRule rule(String credentialName, String configured, TenantPolicy policy) {
        return requested -> resolve(credentialName, configured, requested, policy);
    }

    /**
     * Chooses the tenant of a request.
     *
     * @param credentialName the credential, for the message
     * @param configured the credential's tenant
     * @param requested the request's tenant, or {@code null}
     * @param policy the other tenants it may use
     * @return the tenant to use
     * @throws dev.azid.AuthenticationFailedException if the requested tenant is not allowed
     */
    public static String resolve(String credentialName, String configured, String requested, TenantPolicy policy) {
        if (requested == null || requested.equalsIgnoreCase(configured)) {
            return configured;
        }
        validate(requested, credentialName + ": the requested tenant");
        if (policy.multiTenantDisabled()) {
            throw new dev.azid.AuthenticationFailedException(credentialName + ": a token for tenant '" + requested
                    + "' was requested, but multi-tenant authentication is disabled (AZURE_IDENTITY_DISABLE_MULTITENANTAUTH "
                    + "is set), so this credential gets tokens only for its tenant '" + configured + "'. Unset "
                    + "AZURE_IDENTITY_DISABLE_MULTITENANTAUTH, or request tokens without a tenant id.");
        }
        Set<String> allowed = policy.allowed();
        if (configured.equalsIgnoreCase("adfs")) {
            throw new dev.azid.AuthenticationFailedException(credentialName + ": a token for tenant '" + requested
                    + "' was requested, but this credential uses AD FS, which has no other tenants. "
                    + "Request tokens without a tenant id.");
        }
        if (allowed.contains("*") || allowed.contains(requested.toLowerCase(Locale.ROOT))) {
            return requested;
        }
        throw new dev.azid.AuthenticationFailedException(credentialName + ": a token for tenant '" + requested
                + "' was requested, but the credential is configured for tenant '" + configured
                + "' and does not allow others. Add '" + requested + "' to the credential's "
                + "additionallyAllowedTenants (or AZURE_ADDITIONALLY_ALLOWED_TENANTS), or '*' to allow any tenant.");
    }
}
