package dev.azid;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a caller wants a token for: scopes, and optionally a tenant, a claims challenge and
 * Continuous Access Evaluation.
 *
 * @param scopes the scopes, for example {@code https://management.azure.com/.default}; at least one
 * @param tenantId the tenant to authenticate in, or {@code null} for the credential's tenant; a
 *     tenant other than the credential's must be allowed by the credential
 * @param claims a claims challenge (JSON) from a resource's {@code WWW-Authenticate} header, or
 *     {@code null}; a request with claims always goes to the identity provider
 * @param enableCae whether the caller can handle Continuous Access Evaluation claims challenges
 */
public record TokenRequestContext(List<String> scopes, String tenantId, String claims, boolean enableCae) {

    /** Validates and copies the scopes. */
    public TokenRequestContext {
        Objects.requireNonNull(scopes, "scopes");
        scopes = List.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException(
                    "TokenRequestContext: no scope given. Pass at least one scope, for example "
                            + "\"https://management.azure.com/.default\".");
        }
        for (String scope : scopes) {
            if (scope.isBlank()) {
                throw new IllegalArgumentException("TokenRequestContext: a scope is blank. Remove it.");
            }
        }
        if (tenantId != null && tenantId.isBlank()) {
            tenantId = null;
        }
        if (claims != null && claims.isBlank()) {
            claims = null;
        }
    }

    /**
     * A request for the given scopes in the credential's own tenant.
     *
     * @param scopes one or more scopes
     * @return the request
     */
    public static TokenRequestContext of(String... scopes) {
        return new TokenRequestContext(Arrays.asList(scopes), null, null, false);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a copy of this request for another tenant.
     *
     * @param tenant the tenant id, or {@code null} for the credential's tenant
     * @return the new request
     */
    public TokenRequestContext withTenantId(String tenant) {
        return new TokenRequestContext(scopes, tenant, claims, enableCae);
    }

    /** Builds a {@link TokenRequestContext}. Not thread-safe. */
    public static final class Builder {
        private List<String> scopes = List.of();
        private String tenantId;
        private String claims;
        private boolean enableCae;

        private Builder() {
        }

        /**
         * Sets the scopes.
         *
         * @param scopes one or more scopes
         * @return this builder
         */
        public Builder scopes(String... scopes) {
            this.scopes = Arrays.asList(scopes);
            return this;
        }

        /**
         * Sets the scopes.
         *
         * @param scopes one or more scopes
         * @return this builder
         */
        public Builder scopes(List<String> scopes) {
            this.scopes = scopes;
            return this;
        }

        /**
         * Sets the tenant to authenticate in.
         *
         * @param tenantId a tenant id or domain
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /**
         * Sets a claims challenge.
         *
         * @param claims the JSON claims from a resource's challenge
         * @return this builder
         */
        public Builder claims(String claims) {
            this.claims = claims;
            return this;
        }

        /**
         * Enables or disables Continuous Access Evaluation for this request (default off).
         *
         * @param enableCae whether to request CAE tokens
         * @return this builder
         */
        public Builder enableCae(boolean enableCae) {
            this.enableCae = enableCae;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException if no scope is given
         */
        public TokenRequestContext build() {
            return new TokenRequestContext(scopes, tenantId, claims, enableCae);
        }
    }
}
