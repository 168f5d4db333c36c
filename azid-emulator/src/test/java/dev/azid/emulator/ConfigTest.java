package dev.azid.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void parse_validConfig_readsEverythingAndIgnoresUnknownKeys() {
        EmulatorConfig c = EmulatorConfig.parse("""
                {"tokenLifetimeSeconds": 7200, "extra": true,
                 "tenants": [{"tenantId": "t1", "domains": ["one.example"], "unknown": 1,
                   "applications": [{"clientId": "c1", "secrets": ["s1"], "multiTenant": true, "roles": ["R"]}],
                   "users": [{"username": "u@one.example", "password": "p", "objectId": "o1"}],
                   "managedIdentities": [{"kind": "user", "clientId": "m1", "objectId": "m2", "resourceId": "/x"}],
                   "subscriptions": [{"subscriptionId": "s-1", "displayName": "One"}]}],
                 "resources": [{"appIdUri": "api://x", "appId": "a1", "accessTokenVersion": 2}]}
                """);
        assertThat(c.tokenLifetimeSeconds()).isEqualTo(7200);
        assertThat(c.tenant("ONE.example")).hasValueSatisfying(t -> {
            assertThat(t.applications().get(0).multiTenant()).isTrue();
            assertThat(t.applications().get(0).toString()).doesNotContain("s1");
            assertThat(t.users().get(0).toString()).doesNotContain("\"p\"");
            assertThat(t.subscriptions().get(0).state()).isEqualTo("Enabled");
        });
        assertThat(c.resources().get(0).accessTokenVersion()).isEqualTo(2);
    }

    @Test
    void parse_missingOrWrongValues_nameTheJsonPath() {
        assertThatThrownBy(() -> EmulatorConfig.parse("{}")).hasMessageContaining("$.tenants is missing");
        assertThatThrownBy(() -> EmulatorConfig.parse("{\"tenants\":[{\"domains\":[]}]}"))
                .hasMessageContaining("$.tenants[0].tenantId is missing");
        assertThatThrownBy(() -> EmulatorConfig.parse("{\"tenants\":[{\"tenantId\":\"t\",\"applications\":[{\"clientId\":5}]}]}"))
                .hasMessageContaining("$.tenants[0].applications[0].clientId must be a non-empty string");
        assertThatThrownBy(() -> EmulatorConfig.parse("{\"tenants\":[{\"tenantId\":\"t\",\"domains\":\"x\"}]}"))
                .hasMessageContaining("domains must be an array of strings");
        assertThatThrownBy(() -> EmulatorConfig.parse("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaults_haveTheDocumentedIds() {
        EmulatorConfig d = EmulatorConfig.defaults();
        assertThat(d.tenant(EmulatorConfig.DEFAULT_TENANT_DOMAIN)).isPresent();
        assertThat(d.tenants().get(0).applications().get(0).secrets()).containsExactly(EmulatorConfig.DEFAULT_CLIENT_SECRET);
        assertThat(d.resources()).extracting(EmulatorConfig.Resource::appIdUri).contains("https://management.azure.com/",
                "https://graph.microsoft.com", "https://vault.azure.net", "https://storage.azure.com/", "api://azid-demo-api");
    }
}
