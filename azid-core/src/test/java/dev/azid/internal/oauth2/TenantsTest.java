package dev.azid.internal.oauth2;

import dev.azid.CredentialOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.ClientSecretCredential;
import dev.azid.TokenRequestContext;
import dev.azid.test.ScriptedTransport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tenant ids become a path segment of the token URL and an argument of developer tools. */
class TenantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "...", ".contoso.com", "contoso.com.", "contoso..com", "-x", "--help", "a/b", "a%2e",
        "a b", ""})
    void validate_pathOrOptionLikeTenant_isRefusedNamingTheSetting(String tenant) {
        assertThatThrownBy(() -> Tenants.validate(tenant, "ClientSecretCredential: tenantId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ClientSecretCredential: tenantId is not a valid tenant id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contoso.onmicrosoft.com", "72f988bf-86f1-41af-91ab-2d7cd011db47", "adfs", "organizations",
        "common", "a-b.c-d.example"})
    void validate_realTenant_isKept(String tenant) {
        assertThat(Tenants.validate(tenant, "tenantId")).isEqualTo(tenant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "contoso..com"})
    void getToken_requestedTraversalTenant_isRefusedBeforeAnyRequest(String tenant) {
        ClientSecretCredential credential = ClientSecretCredential.builder().tenantId("contoso.com")
                .clientId("00000000-0000-0000-0000-0000000000c1").clientSecret("a-secret-value")
                .options(CredentialOptions.builder().additionallyAllowedTenants("*").httpTransport(ScriptedTransport.failing()).build()).build();
        assertThatThrownBy(() -> credential.getToken(TokenRequestContext.builder()
                .scopes("https://management.azure.com/.default").tenantId(tenant).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid tenant id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".x"})
    void build_traversalTenant_isRefused(String tenant) {
        assertThatThrownBy(() -> ClientSecretCredential.builder().tenantId(tenant)
                .clientId("00000000-0000-0000-0000-0000000000c1").clientSecret("a-secret-value").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid tenant id");
    }
}
