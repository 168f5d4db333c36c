package dev.azid.differential;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns what the emulator and the fake tools saw into comparable text: ids named, hosts and secrets dropped. */
final class Observations {

    private static final Pattern TOKEN_PATH = Pattern.compile("^/([^/]+)/oauth2/(v2\\.0/)?token/?$");
    private static final Pattern DISCOVERY = Pattern.compile("discovery/instance|openid-configuration|/discovery/.*keys|/metadata/endpoints");
    private static final Map<String, String> NAMES = Map.of(
            EmulatorConfig.DEFAULT_TENANT_ID, "home",
            Side.OTHER_TENANT, "other",
            Side.UNKNOWN_TENANT, "unknown",
            EmulatorConfig.DEFAULT_CLIENT_ID, "app",
            EmulatorConfig.AZURE_CLI_CLIENT_ID, "cli-app",
            "0a5e0000-0000-4000-8000-0000000005e1", "mi-user");

    private Observations() {
    }

    static boolean isDiscovery(RecordedRequest r) {
        return DISCOVERY.matcher(r.path()).find();
    }

    /**
     * One emulator request as text, e.g. {@code token tenant=home grant=client_credentials client=app auth=secret
     * scope=[https://management.azure.com/.default] -> 200} or {@code GET /metadata/identity/oauth2/token
     * {api-version=2018-02-01, resource=https://management.azure.com} -> 200}.
     */
    static String request(RecordedRequest r) {
        Matcher m = TOKEN_PATH.matcher(r.path());
        if (m.matches() && r.method().equals("POST")) {
            Map<String, String> f = r.form();
            String auth = f.containsKey("client_secret") ? "secret"
                    : f.containsKey("client_assertion") ? "assertion" : "none";
            List<String> scopes = Arrays.stream(f.getOrDefault("scope", f.getOrDefault("resource", "")).split(" "))
                    .filter(s -> !s.isEmpty()).sorted().toList();
            return "token tenant=" + name(m.group(1)) + " grant=" + f.get("grant_type") + " client=" + name(f.get("client_id"))
                    + " auth=" + auth + " scope=" + scopes + (f.containsKey("claims") ? " claims" : "") + " -> " + r.status();
        }
        Map<String, String> q = new TreeMap<>();
        r.query().forEach((k, v) -> q.put(k, name(v)));
        return r.method() + " " + r.path() + " " + q + " -> " + r.status();
    }

    /** @return the kind of request that issued a token, e.g. {@code token:client_credentials/secret} or the MI path */
    static String answer(RecordedRequest r) {
        Matcher m = TOKEN_PATH.matcher(r.path());
        if (m.matches()) {
            Map<String, String> f = r.form();
            return "token:" + f.get("grant_type") + "/" + (f.containsKey("client_secret") ? "secret"
                    : f.containsKey("client_assertion") ? "assertion" : "none");
        }
        return "mi:" + r.path();
    }

    /**
     * One fake tool run as text, e.g. {@code az resource=https://management.azure.com tenant=home}.
     *
     * @param line the call log line
     * @return the text
     */
    static String toolCall(String line) {
        List<String> argv = Arrays.asList(line.split(String.valueOf(FakeTools.SEPARATOR), -1));
        String tool = argv.get(0);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            int eq = a.indexOf('=');
            if (a.startsWith("-") && eq > 0) {
                options.put(a.substring(0, eq), a.substring(eq + 1));
            } else if (a.startsWith("-") && i + 1 < argv.size() && !argv.get(i + 1).startsWith("-")) {
                options.put(a, argv.get(++i));
            } else if (a.startsWith("-")) {
                options.put(a, "");
            }
        }
        return switch (tool) {
            case "az" -> "az resource=" + options.get("--resource") + scopeOf(options) + " tenant=" + name(options.get("--tenant"))
                    + (options.containsKey("--claims-challenge") ? " claims" : "");
            case "azd" -> "azd scope=" + options.get("--scope") + " tenant=" + name(options.get("--tenant-id"))
                    + (options.containsKey("--claims") ? " claims" : "");
            case "pwsh" -> powerShell(options.get("-EncodedCommand"));
            default -> line;
        };
    }

    private static String scopeOf(Map<String, String> options) {
        return options.containsKey("--scope") ? " scope=" + options.get("--scope") : "";
    }

    private static String powerShell(String encoded) {
        if (encoded == null) {
            return "pwsh (no -EncodedCommand)";
        }
        String script = new String(Base64.getDecoder().decode(encoded.replace("'", "")), StandardCharsets.UTF_16LE);
        String resource = first(script, "ResourceUrl'? = '([^']*)'");
        String tenant = first(script, "\\$tenantId = '([^']*)'");
        if (tenant == null || tenant.isEmpty()) {
            tenant = first(script, "\\['TenantId'\\] = '([^']*)'");
        }
        return "pwsh resource=" + resource + " tenant=" + name(tenant == null || tenant.isEmpty() ? null : tenant);
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static String name(String id) {
        if (id == null) {
            return "-";
        }
        return NAMES.getOrDefault(id, id);
    }

    static String join(List<String> lines) {
        return lines.stream().collect(Collectors.joining("\n    ", "\n    ", ""));
    }
}
