package dev.azid.differential;

import static dev.azid.differential.Probe.Subject.AZURE_CLI;
import static dev.azid.differential.Probe.Subject.CLIENT_SECRET;
import static dev.azid.differential.Probe.Subject.DEFAULT;

import dev.azid.differential.Probe.Request;
import dev.azid.emulator.EmulatorConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a request asks for: another tenant in and out of {@code additionallyAllowedTenants} (builder and
 * {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS}), {@code AZURE_IDENTITY_DISABLE_MULTITENANTAUTH}, a CAE claims
 * challenge after a cached token, and a sovereign {@code AZURE_AUTHORITY_HOST} with no builder authority.
 */
class RequestDifferentialTest extends DifferentialSuite {

    private static final String ARM = EnvironmentCredentialDifferentialTest.ARM;
    private static final String CLAIMS = "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1700000000\"}}}";

    private static Probe secret(String id) {
        return Probe.of(id, CLIENT_SECRET, ARM).with("tenantId", EmulatorConfig.DEFAULT_TENANT_ID)
                .with("clientId", EmulatorConfig.DEFAULT_CLIENT_ID).with("clientSecret", EmulatorConfig.DEFAULT_CLIENT_SECRET);
    }

    private static Probe explicit(String id) {
        return secret(id).with("authorityHost", Probe.AUTHORITY);
    }

    private static Map<String, String> secretEnv(Side side) {
        return Map.of("AZURE_TENANT_ID", EmulatorConfig.DEFAULT_TENANT_ID, "AZURE_CLIENT_ID", EmulatorConfig.DEFAULT_CLIENT_ID,
                "AZURE_CLIENT_SECRET", EmulatorConfig.DEFAULT_CLIENT_SECRET, "AZURE_AUTHORITY_HOST", side.authorityHost());
    }

    @Override
    List<Group> groups() {
        Request other = Request.of(ARM).tenant(Side.OTHER_TENANT);
        return List.of(
                Group.of("tenants", side -> Map.of("AZURE_AUTHORITY_HOST", side.authorityHost()),
                        explicit("other-not-allowed").requests(other),
                        explicit("other-allowed").with("allowed", Side.OTHER_TENANT).requests(other),
                        explicit("other-wildcard").with("allowed", "*").requests(other),
                        explicit("same-tenant").requests(Request.of(ARM).tenant(EmulatorConfig.DEFAULT_TENANT_ID)),
                        explicit("cae-claims").requests(Request.of(ARM).withCae(), Request.of(ARM).withCae().claims(CLAIMS)),
                        explicit("cached-twice").requests(Request.of(ARM), Request.of(ARM)),
                        Probe.of("cli-other-allowed", AZURE_CLI, ARM).with("az", "OK").with("allowed", Side.OTHER_TENANT)
                                .requests(other),
                        Probe.of("cli-other-not-allowed", AZURE_CLI, ARM).with("az", "OK").requests(other),
                        Probe.of("cli-claims", AZURE_CLI, ARM).with("az", "OK").requests(Request.of(ARM).claims(CLAIMS))),
                Group.of("sovereign", side -> Map.of("AZURE_AUTHORITY_HOST", side.authorityHost()),
                        secret("authority-from-environment")),
                Group.of("env-allowed", side -> {
                    Map<String, String> env = new java.util.HashMap<>(secretEnv(side));
                    env.put("AZURE_ADDITIONALLY_ALLOWED_TENANTS", Side.OTHER_TENANT);
                    return env;
                }, Probe.of("dac-env-allowed", DEFAULT, ARM).requests(other)),
                Group.of("multitenant-disabled", side -> {
                    Map<String, String> env = new java.util.HashMap<>(secretEnv(side));
                    env.put("AZURE_IDENTITY_DISABLE_MULTITENANTAUTH", "true");
                    return env;
                }, explicit("disabled-other-wildcard").with("allowed", "*").requests(other)));
    }

    @Test
    void otherTenant_notAllowed_isRefused() {
        assertSame("other-not-allowed");
    }

    @Test
    void otherTenant_allowed_getsTokenThere() {
        assertSame("other-allowed", Difference.NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY, Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void otherTenant_wildcard_getsTokenThere() {
        assertSame("other-wildcard", Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void sameTenant_isNotMultiTenant() {
        assertSame("same-tenant", Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void caeClaimsChallenge_bypassesTheCache() {
        assertSame("cae-claims", Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void sameRequestTwice_isServedFromTheCache() {
        assertSame("cached-twice", Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS, Difference.REPEATED_REQUEST_FROM_CACHE);
    }

    @Test
    void azureCli_otherTenantAllowed_passesIt() {
        assertSame("cli-other-allowed", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void azureCli_otherTenantNotAllowed_isRefused() {
        assertSame("cli-other-not-allowed", Difference.AZ_SCOPE_ARGUMENT);
    }

    @Test
    void azureCli_claims_isRefused() {
        assertSame("cli-claims");
    }

    @Test
    void clientSecret_authorityHostFromEnvironment() {
        assertSame("authority-from-environment", Difference.NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY, Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void defaultChain_allowedTenantsFromEnvironment() {
        assertSame("dac-env-allowed", Difference.NO_PUBLIC_CLOUD_INSTANCE_DISCOVERY, Difference.NO_OIDC_SCOPES_FOR_APP_TOKENS);
    }

    @Test
    void multiTenantDisabled_wildcardIgnored() {
        assertSame("disabled-other-wildcard");
    }
}
