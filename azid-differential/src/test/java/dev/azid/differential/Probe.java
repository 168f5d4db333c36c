package dev.azid.differential;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One thing a child JVM does: build one credential ({@link Subject} with builder settings), set the
 * fake developer tools' behaviour, then make one or more token requests with it. Both sides run the
 * same probe; it travels to the child as one line of query-string text.
 *
 * @param id a name unique within its group, e.g. {@code secret-complete}
 * @param subject which credential to build
 * @param settings builder settings ({@code tenantId}, {@code clientId}, {@code allowed} as a comma list,
 *     {@code processTimeout} in seconds, {@code authorityHost}) and tool modes ({@code az}, {@code azd},
 *     {@code pwsh}: one of {@link ToolMode})
 * @param requests the token requests made in order with the same credential
 */
record Probe(String id, Subject subject, Map<String, String> settings, List<Request> requests) {

    /** The credentials a probe can build, named as in {@code com.azure.identity}. */
    enum Subject {
        DEFAULT, ENVIRONMENT, AZURE_CLI, AZURE_DEVELOPER_CLI, AZURE_POWERSHELL, MANAGED_IDENTITY, WORKLOAD_IDENTITY,
        CLIENT_SECRET
    }

    /** What the fake developer tools do when run. */
    enum ToolMode {
        /** Print a token. */
        OK,
        /** Not on {@code PATH} at all. */
        ABSENT,
        /** Installed but signed out: the tool's own "please log in" message, exit 1. */
        NOT_LOGGED_IN,
        /** Signed in but the tool fails with another error, exit 1. */
        FAILING,
        /** Never answers (sleeps longer than the probe's process timeout). */
        HANGING
    }

    /**
     * One token request.
     *
     * @param scope the single scope
     * @param tenantId the requested tenant, or {@code null}
     * @param claims a claims challenge, or {@code null}
     * @param cae whether CAE is enabled
     */
    record Request(String scope, String tenantId, String claims, boolean cae) {
        static Request of(String scope) {
            return new Request(scope, null, null, false);
        }

        Request tenant(String tenant) {
            return new Request(scope, tenant, claims, cae);
        }

        Request claims(String value) {
            return new Request(scope, tenantId, value, cae);
        }

        Request withCae() {
            return new Request(scope, tenantId, claims, true);
        }

        String encode() {
            return String.join("|", scope, nullable(tenantId), nullable(claims), Boolean.toString(cae));
        }

        static Request decode(String text) {
            String[] p = text.split("\\|", -1);
            return new Request(p[0], p[1].isEmpty() ? null : p[1], p[2].isEmpty() ? null : p[2], Boolean.parseBoolean(p[3]));
        }
    }

    /** A setting value the harness replaces with the side's emulator authority host. */
    static final String AUTHORITY = "${AUTHORITY}";

    /** Copies. */
    Probe {
        settings = Map.copyOf(settings);
        requests = List.copyOf(requests);
    }

    /**
     * A probe with one request and no settings.
     *
     * @param id the id
     * @param subject the credential
     * @param scope the scope
     * @return the probe
     */
    static Probe of(String id, Subject subject, String scope) {
        return new Probe(id, subject, Map.of(), List.of(Request.of(scope)));
    }

    Probe with(String key, String value) {
        Map<String, String> s = new LinkedHashMap<>(settings);
        s.put(key, value);
        return new Probe(id, subject, s, requests);
    }

    Probe tools(ToolMode az, ToolMode azd, ToolMode pwsh) {
        return with("az", az.name()).with("azd", azd.name()).with("pwsh", pwsh.name());
    }

    Probe requests(Request... more) {
        return new Probe(id, subject, settings, Arrays.asList(more));
    }

    /**
     * @param authorityHost the side's emulator authority host
     * @return this probe with {@link #AUTHORITY} replaced
     */
    Probe resolve(String authorityHost) {
        Map<String, String> s = new LinkedHashMap<>(settings);
        s.replaceAll((k, v) -> v.equals(AUTHORITY) ? authorityHost : v);
        return new Probe(id, subject, s, requests);
    }

    Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    ToolMode tool(String name) {
        return setting(name).map(ToolMode::valueOf).orElse(ToolMode.ABSENT);
    }

    /** @return one line: {@code id=..&subject=..&requests=..&<settings>}, values URL-encoded */
    String encode() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("id", id);
        all.put("subject", subject.name());
        all.put("requests", requests.stream().map(Request::encode).collect(Collectors.joining(";")));
        all.putAll(settings);
        return all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    static Probe decode(String line) {
        Map<String, String> all = decodeMap(line);
        String id = all.remove("id");
        Subject subject = Subject.valueOf(all.remove("subject"));
        List<Request> requests = new ArrayList<>();
        for (String r : all.remove("requests").split(";")) {
            requests.add(Request.decode(r));
        }
        return new Probe(id, subject, all, requests);
    }

    static Map<String, String> decodeMap(String line) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String pair : line.split("&")) {
            int eq = pair.indexOf('=');
            all.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return all;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String nullable(String s) {
        return s == null ? "" : s;
    }
}
