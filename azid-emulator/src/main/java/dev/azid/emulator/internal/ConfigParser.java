package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EmulatorConfig.Application;
import dev.azid.emulator.ResourceBuilder;
import dev.azid.emulator.EmulatorConfig.ManagedIdentity;
import dev.azid.emulator.EmulatorConfig.Resource;
import dev.azid.emulator.EmulatorConfig.Subscription;
import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.EmulatorConfig.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the JSON configuration; every error names the JSON path. */
public final class ConfigParser {

    private ConfigParser() {
    }

    /** @return the built-in configuration */
    public static EmulatorConfig defaults() {
        Tenant tenant = new Tenant(EmulatorConfig.DEFAULT_TENANT_ID, List.of(EmulatorConfig.DEFAULT_TENANT_DOMAIN),
                "azid emulator tenant",
                List.of(new Application(EmulatorConfig.DEFAULT_CLIENT_ID, "azid-demo", List.of(EmulatorConfig.DEFAULT_CLIENT_SECRET),
                        List.of(), false, List.of("http://localhost"), List.of("Reader"),
                        List.of(new EmulatorConfig.FederatedCredential(EmulatorConfig.FEDERATION_ISSUER,
                                        EmulatorConfig.DEFAULT_FEDERATED_SUBJECT, List.of("api://AzureADTokenExchange")),
                                new EmulatorConfig.FederatedCredential(EmulatorConfig.FEDERATION_ISSUER,
                                        EmulatorConfig.GITHUB_SUBJECT, List.of("api://AzureADTokenExchange")),
                                new EmulatorConfig.FederatedCredential(EmulatorConfig.FEDERATION_ISSUER,
                                        EmulatorConfig.PIPELINES_SUBJECT, List.of("api://AzureADTokenExchange")))),
                        // The Azure CLI's public client, present in every real tenant: developer sign-in uses it.
                        Application.builder(EmulatorConfig.AZURE_CLI_CLIENT_ID).displayName("Microsoft Azure CLI")
                                .multiTenant(true).redirectUris(List.of("http://localhost")).build()),
                List.of(User.builder(EmulatorConfig.DEFAULT_USERNAME, EmulatorConfig.DEFAULT_PASSWORD)
                                .objectId("a11ce000-0000-4000-8000-00000000a11c").displayName("Alice").build(),
                        User.builder(EmulatorConfig.MFA_USERNAME, EmulatorConfig.MFA_PASSWORD)
                                .objectId("b0b00000-0000-4000-8000-00000000b0b0").displayName("Bob").mfaRequired(true).build()),
                List.of(new ManagedIdentity("system", "5a5a0000-0000-4000-8000-0000000005a1", "5a5a0000-0000-4000-8000-0000000005a2",
                                "/subscriptions/" + EmulatorConfig.DEFAULT_SUBSCRIPTION_ID
                                        + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1"),
                        new ManagedIdentity("user", "0a5e0000-0000-4000-8000-0000000005e1", "0a5e0000-0000-4000-8000-0000000005e2",
                                "/subscriptions/" + EmulatorConfig.DEFAULT_SUBSCRIPTION_ID
                                        + "/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1")),
                List.of(new Subscription(EmulatorConfig.DEFAULT_SUBSCRIPTION_ID, "azid Development", "Enabled"),
                        new Subscription("5b2d0000-0000-4000-8000-00000005cb02", "azid Production", "Enabled")));
        List<Resource> resources = List.of(
                new Resource("https://management.azure.com/", "797f4846-ba00-4fd7-ba43-dac1f8f63013", 1,
                        List.of("https://management.core.windows.net/")),
                new Resource("https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000", 1, List.of()),
                new Resource("https://vault.azure.net", "cfa8b339-82a2-471a-a3c9-0fc0be7a4093", 1, List.of()),
                new Resource("https://storage.azure.com/", "e406a681-f3d4-42a8-90b6-c2b029497af1", 1, List.of()),
                new Resource("api://azid-demo-api", "0a2d1d00-0000-4000-8000-00000000a9a1", 2, List.of()));
        return new EmulatorConfig(3599, List.of(tenant), resources);
    }

    /**
     * Parses a configuration.
     *
     * @param json the JSON text
     * @return the configuration
     */
    public static EmulatorConfig parse(String json) {
        Map<String, Object> root = Json.parseObject(json);
        long lifetime = root.containsKey("tokenLifetimeSeconds") ? number(root.get("tokenLifetimeSeconds"),
                "$.tokenLifetimeSeconds") : 3599;
        List<Tenant> tenants = new ArrayList<>();
        List<Map<String, Object>> tenantList = objects(root, "tenants", "$");
        for (int i = 0; i < tenantList.size(); i++) {
            tenants.add(tenant(tenantList.get(i), "$.tenants[" + i + "]"));
        }
        List<Resource> resources = new ArrayList<>();
        if (root.containsKey("resources")) {
            List<Map<String, Object>> list = objects(root, "resources", "$");
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> r = list.get(i);
                String p = "$.resources[" + i + "]";
                ResourceBuilder b = Resource.builder(string(r, "appIdUri", p), string(r, "appId", p)).aliases(strings(r, "aliases", p));
                if (r.containsKey("accessTokenVersion")) {
                    b.accessTokenVersion((int) number(r.get("accessTokenVersion"), p + ".accessTokenVersion"));
                }
                resources.add(b.build());
            }
        } else {
            resources.addAll(defaults().resources());
        }
        return EmulatorConfig.builder().tokenLifetimeSeconds(lifetime).tenants(tenants).resources(resources).build();
    }

    private static Tenant tenant(Map<String, Object> t, String p) {
        List<Application> apps = new ArrayList<>();
        List<Map<String, Object>> appList = optionalObjects(t, "applications", p);
        for (int i = 0; i < appList.size(); i++) {
            Map<String, Object> a = appList.get(i);
            String ap = p + ".applications[" + i + "]";
            List<EmulatorConfig.FederatedCredential> feds = new ArrayList<>();
            List<Map<String, Object>> fedList = optionalObjects(a, "federatedCredentials", ap);
            for (int j = 0; j < fedList.size(); j++) {
                Map<String, Object> f = fedList.get(j);
                String fp = ap + ".federatedCredentials[" + j + "]";
                List<String> audiences = strings(f, "audiences", fp);
                feds.add(new EmulatorConfig.FederatedCredential(string(f, "issuer", fp), string(f, "subject", fp),
                        audiences.isEmpty() ? List.of("api://AzureADTokenExchange") : audiences));
            }
            apps.add(Application.builder(string(a, "clientId", ap)).displayName((String) a.getOrDefault("displayName", ""))
                    .secrets(strings(a, "secrets", ap)).certificates(strings(a, "certificates", ap))
                    .multiTenant(Boolean.TRUE.equals(a.get("multiTenant"))).redirectUris(strings(a, "redirectUris", ap))
                    .roles(strings(a, "roles", ap)).federatedCredentials(feds).build());
        }
        List<User> users = new ArrayList<>();
        List<Map<String, Object>> userList = optionalObjects(t, "users", p);
        for (int i = 0; i < userList.size(); i++) {
            Map<String, Object> u = userList.get(i);
            String up = p + ".users[" + i + "]";
            users.add(User.builder(string(u, "username", up), string(u, "password", up)).objectId(string(u, "objectId", up))
                    .displayName((String) u.getOrDefault("displayName", "")).mfaRequired(Boolean.TRUE.equals(u.get("mfaRequired")))
                    .build());
        }
        List<ManagedIdentity> mis = new ArrayList<>();
        List<Map<String, Object>> miList = optionalObjects(t, "managedIdentities", p);
        for (int i = 0; i < miList.size(); i++) {
            Map<String, Object> m = miList.get(i);
            String mp = p + ".managedIdentities[" + i + "]";
            mis.add(new ManagedIdentity((String) m.getOrDefault("kind", "system"), string(m, "clientId", mp),
                    string(m, "objectId", mp), (String) m.getOrDefault("resourceId", "")));
        }
        List<Subscription> subs = new ArrayList<>();
        List<Map<String, Object>> subList = optionalObjects(t, "subscriptions", p);
        for (int i = 0; i < subList.size(); i++) {
            Map<String, Object> s = subList.get(i);
            String sp = p + ".subscriptions[" + i + "]";
            subs.add(new Subscription(string(s, "subscriptionId", sp), (String) s.getOrDefault("displayName", ""),
                    (String) s.getOrDefault("state", "Enabled")));
        }
        return Tenant.builder(string(t, "tenantId", p)).domains(strings(t, "domains", p))
                .displayName((String) t.getOrDefault("displayName", "")).applications(apps).users(users).managedIdentities(mis)
                .subscriptions(subs).build();
    }

    private static String string(Map<String, Object> o, String key, String path) {
        Object v = o.get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("emulator config: " + path + "." + key
                    + (v == null ? " is missing" : " must be a non-empty string"));
        }
        return s;
    }

    private static long number(Object v, String path) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("emulator config: " + path + " must be a number");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> o, String key, String path) {
        Object v = o.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || !list.stream().allMatch(x -> x instanceof String)) {
            throw new IllegalArgumentException("emulator config: " + path + "." + key + " must be an array of strings");
        }
        return (List<String>) v;
    }

    private static List<Map<String, Object>> objects(Map<String, Object> o, String key, String path) {
        if (!o.containsKey(key)) {
            throw new IllegalArgumentException("emulator config: " + path + "." + key + " is missing");
        }
        return optionalObjects(o, key, path);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> optionalObjects(Map<String, Object> o, String key, String path) {
        Object v = o.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || !list.stream().allMatch(x -> x instanceof Map)) {
            throw new IllegalArgumentException("emulator config: " + path + "." + key + " must be an array of objects");
        }
        return (List<Map<String, Object>>) v;
    }
}
