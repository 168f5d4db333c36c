package dev.azid;

import static dev.azid.test.HostileUrls.Kind.PLAIN_HTTP;
import static dev.azid.test.HostileUrls.Kind.QUERY;
import static dev.azid.test.HostileUrls.Kind.USER_INFO;

import dev.azid.http.HttpTransport;
import dev.azid.test.HostileUrls.Base;
import dev.azid.test.HostileUrls.Kind;
import dev.azid.test.ScriptedTransport;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every setting and variable whose URL decides where a secret, assertion or token request goes,
 * as a row: how to hand it a value, what a valid value is, which rules its use relaxes, and how it
 * refuses. {@link UrlRefusalTest} runs every hostile variant through every row.
 */
final class UrlRefusalSites {

    static final String T = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String C = "11111111-2222-3333-4444-555555555555";
    static final String SECRET = "client-secret-value";

    /** Hands a value to the site; may throw (the refusal) or return (accepted). */
    interface Attempt {
        void run(String value, ScriptedTransport transport) throws Exception;
    }

    /**
     * One row.
     *
     * @param name what is configured, for the report
     * @param names what the message must name
     * @param base a valid value
     * @param allowed the kinds of variant the use allows
     * @param refusal the exception type of a refusal
     * @param learnt whether the URL comes from a server's answer (one request to the trusted endpoint is expected)
     * @param applicable which values the site can be given at all (a {@code URI} parameter needs a parseable value)
     * @param attempt hands the value over
     */
    record Site(String name, String names, Base base, List<Kind> allowed, Class<? extends Throwable> refusal,
            boolean learnt, Predicate<String> applicable, Attempt attempt) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Base AUTHORITY = new Base("https", "login.example", "");
    private static final Base OIDC = new Base("https", "pipelines.actions.example", "/abc/idtoken");
    private static final Path NO_FILE = Path.of("/nonexistent/azid/token");

    private UrlRefusalSites() {
    }

    static List<Site> all() {
        return List.of(
                authority("ClientSecretCredential", (v, t) -> ClientSecretCredential.builder().tenantId(T).clientId(C)
                        .clientSecret(SECRET).options(CredentialOptions.builder().authorityHost(v).httpTransport(t).build()).build()),
                authority("ClientAssertionCredential", (v, t) -> ClientAssertionCredential.builder().tenantId(T).clientId(C)
                        .clientAssertion(() -> "assertion").options(CredentialOptions.builder().authorityHost(v).httpTransport(t).build()).build()),
                authority("UsernamePasswordCredential", (v, t) -> UsernamePasswordCredential.builder().tenantId(T)
                        .clientId(C).username("u").password("p").options(CredentialOptions.builder().authorityHost(v).httpTransport(t).build()).build()),
                authority("DeviceCodeCredential", (v, t) -> DeviceCodeCredential.builder().tenantId(T).clientId(C)
                        .challengeConsumer(i -> { }).options(CredentialOptions.builder().authorityHost(v).httpTransport(t).build()).build()),
                authority("InteractiveBrowserCredential", (v, t) -> InteractiveBrowserCredential.builder().tenantId(T)
                        .clientId(C).browser(u -> { }).options(CredentialOptions.builder().authorityHost(v).httpTransport(t).build()).build()),
                authority("OnBehalfOfCredential", (v, t) -> OnBehalfOfCredential.builder().tenantId(T).clientId(C)
                        .userAssertion("a").clientSecret(SECRET).options(CredentialOptions.builder().authorityHost(v).httpTransport(t).build()).build()),
                authority("AuthorizationCodeCredential", (v, t) -> AuthorizationCodeCredential.builder().tenantId(T)
                        .clientId(C).authorizationCode("code").redirectUrl("http://localhost:8400").clientSecret(SECRET)
                        .options(CredentialOptions.builder().authorityHost(v).httpTransport(t).build()).build()),
                authority("GitHubActionsCredential", (v, t) -> github(Map.of(), CredentialOptions.builder().httpTransport(t).authorityHost(v)).build()),
                authority("AzurePipelinesCredential", (v, t) -> pipelines(CredentialOptions.builder()
                        .environment(Environment.of(Map.of())).httpTransport(t).authorityHost(v)).oidcRequestUri(OIDC.toString()).build()),
                site("InteractiveBrowserCredential.redirectUrl", "InteractiveBrowserCredential: redirectUrl",
                        new Base("http", "localhost:8400", "/callback"), List.of(), IllegalArgumentException.class,
                        (v, t) -> InteractiveBrowserCredential.builder().tenantId(T).clientId(C).browser(u -> { })
                                .redirectUrl(v).options(CredentialOptions.builder().httpTransport(t).build()).build()),
                site("EnvironmentCredential AZURE_AUTHORITY_HOST", "EnvironmentCredential: AZURE_AUTHORITY_HOST", AUTHORITY,
                        List.of(), AuthenticationFailedException.class, (v, t) -> EnvironmentCredential.builder()
                                .options(CredentialOptions.builder().environment(Environment.of(Map.of("AZURE_TENANT_ID", T, "AZURE_CLIENT_ID", C,
                                        "AZURE_CLIENT_SECRET", SECRET, "AZURE_AUTHORITY_HOST", v))).httpTransport(t).build()).build().getToken(TokenRequestContext.of("https://x/.default"))),
                site("WorkloadIdentityCredential.authorityHost", "WorkloadIdentityCredential: CredentialOptions.authorityHost", AUTHORITY,
                        List.of(), AuthenticationFailedException.class, (v, t) -> WorkloadIdentityCredential.builder()
                                .tenantId(T).clientId(C).tokenFilePath(NO_FILE).options(CredentialOptions.builder().environment(Environment.of(Map.of())).authorityHost(v).httpTransport(t).build()).build().getToken(TokenRequestContext.of("https://x/.default"))),
                site("WorkloadIdentityCredential AZURE_AUTHORITY_HOST", "WorkloadIdentityCredential: AZURE_AUTHORITY_HOST",
                        AUTHORITY, List.of(), AuthenticationFailedException.class, (v, t) -> WorkloadIdentityCredential
                                .builder().tenantId(T).clientId(C).tokenFilePath(NO_FILE)
                                .options(CredentialOptions.builder().environment(Environment.of(Map.of("AZURE_AUTHORITY_HOST", v))).httpTransport(t).build()).build()
                                .getToken(TokenRequestContext.of("https://x/.default"))),
                site("GitHubActionsCredential AZURE_AUTHORITY_HOST", "GitHubActionsCredential: AZURE_AUTHORITY_HOST",
                        AUTHORITY, List.of(), IllegalArgumentException.class,
                        (v, t) -> github(Map.of("AZURE_AUTHORITY_HOST", v), t).build()),
                site("GitHubActionsCredential ACTIONS_ID_TOKEN_REQUEST_URL",
                        "GitHubActionsCredential: ACTIONS_ID_TOKEN_REQUEST_URL", OIDC, List.of(QUERY),
                        IllegalArgumentException.class, (v, t) -> github(Map.of("ACTIONS_ID_TOKEN_REQUEST_URL", v), t).build()),
                site("AzurePipelinesCredential.oidcRequestUri", "AzurePipelinesCredential: oidcRequestUri", OIDC,
                        List.of(QUERY), IllegalArgumentException.class, (v, t) -> pipelines(t).oidcRequestUri(v).build()),
                site("AzurePipelinesCredential SYSTEM_OIDCREQUESTURI", "AzurePipelinesCredential: SYSTEM_OIDCREQUESTURI",
                        OIDC, List.of(QUERY), IllegalArgumentException.class, (v, t) -> pipelines(CredentialOptions.builder()
                                .environment(Environment.of(Map.of("SYSTEM_OIDCREQUESTURI", v))).httpTransport(t)).build()),
                site("AzureCloud.builder().authorityHost", "AzureCloud: authorityHost", AUTHORITY, List.of(),
                        IllegalArgumentException.class, (v, t) -> AzureCloud.builder().authorityHost(v)
                                .resourceManagerEndpoint("https://management.example/").build()),
                site("AzureCloud.builder().resourceManagerEndpoint", "AzureCloud: resourceManagerEndpoint",
                        new Base("https", "management.example", "/"), List.of(), IllegalArgumentException.class,
                        (v, t) -> AzureCloud.builder().authorityHost("https://login.example").resourceManagerEndpoint(v).build()),
                site("AzureAuthFile activeDirectoryEndpointUrl", "AzureAuthFile: activeDirectoryEndpointUrl", AUTHORITY,
                        List.of(), IllegalArgumentException.class, (v, t) -> AzureAuthFile.fromMap(Map.of("clientId", C,
                                "tenantId", T, "clientSecret", SECRET, "activeDirectoryEndpointUrl", v))),
                site("AzureAuthFile resourceManagerEndpointUrl", "AzureAuthFile: resourceManagerEndpointUrl",
                        new Base("https", "management.example", "/"), List.of(), IllegalArgumentException.class,
                        (v, t) -> AzureAuthFile.fromMap(Map.of("clientId", C, "tenantId", T, "clientSecret", SECRET,
                                "resourceManagerEndpointUrl", v))),
                site("ARM_CLOUD_METADATA_URL", "AzureCloud: ARM_CLOUD_METADATA_URL", new Base("https", "management.example", "/"),
                        List.of(), IllegalArgumentException.class, (v, t) -> AzureCloud.fromEnvironment(
                                Environment.of(Map.of("ARM_CLOUD_METADATA_URL", v)),
                                CloudDiscovery.builder().httpTransport(t).build())),
                new Site("CloudDiscovery.discover", "CloudDiscovery: the ARM endpoint", new Base("https", "management.example",
                        "/"), List.of(), CloudDiscoveryException.class, false, UrlRefusalSites::parses,
                        (v, t) -> CloudDiscovery.builder().httpTransport(t).build().discover(new URI(v))),
                new Site("metadata authentication.loginEndpoint", "authentication.loginEndpoint", AUTHORITY, List.of(),
                        CloudDiscoveryException.class, true, v -> !v.isBlank(), (v, t) -> discoverAnswering(t,
                                "{\"authentication\":{\"loginEndpoint\":" + json(v) + ",\"audiences\":[\"https://m/\"]}}")),
                new Site("metadata resourceManager", "resourceManager", new Base("https", "management.stack.example", "/"), List.of(),
                        CloudDiscoveryException.class, true, v -> true, (v, t) -> discoverAnswering(t, "[{\"name\":\"S\","
                                + "\"resourceManager\":" + json(v) + ",\"authentication\":{\"loginEndpoint\":"
                                + "\"https://login.example\",\"audiences\":[\"https://m/\"]}}]")),
                mi("App Service IDENTITY_ENDPOINT", "IDENTITY_ENDPOINT", new Base("http", "127.0.0.1:41999", "/msi/token"),
                        List.of(PLAIN_HTTP), Map.of("IDENTITY_HEADER", "header-value")),
                mi("Service Fabric IDENTITY_ENDPOINT", "IDENTITY_ENDPOINT",
                        new Base("https", "10.0.0.5:2377", "/metadata/identity/oauth2/token"), List.of(),
                        Map.of("IDENTITY_HEADER", "header-value", "IDENTITY_SERVER_THUMBPRINT", "0".repeat(40))),
                mi("Azure Arc IDENTITY_ENDPOINT", "IDENTITY_ENDPOINT",
                        new Base("http", "localhost:40342", "/metadata/identity/oauth2/token"), List.of(PLAIN_HTTP),
                        Map.of("IMDS_ENDPOINT", "http://localhost:40342")),
                mi("Azure Arc IMDS_ENDPOINT", "IMDS_ENDPOINT", new Base("http", "localhost:40342", ""), List.of(PLAIN_HTTP),
                        Map.of("IDENTITY_ENDPOINT", "http://localhost:40342/metadata/identity/oauth2/token")),
                mi("Azure ML MSI_ENDPOINT", "MSI_ENDPOINT", new Base("http", "127.0.0.1:46808", "/"), List.of(PLAIN_HTTP),
                        Map.of("MSI_SECRET", "msi-secret-value")),
                mi("Cloud Shell MSI_ENDPOINT", "MSI_ENDPOINT", new Base("http", "localhost:50342", "/oauth2/token"),
                        List.of(PLAIN_HTTP), Map.of()),
                mi("IMDS AZURE_POD_IDENTITY_AUTHORITY_HOST", "AZURE_POD_IDENTITY_AUTHORITY_HOST",
                        new Base("http", "10.1.2.3:2579", ""), List.of(PLAIN_HTTP), Map.of()),
                proxy("HTTPS_PROXY"), proxy("HTTP_PROXY"), proxy("https_proxy"), proxy("http_proxy"),
                new Site("device code verification_uri", "verification_uri", new Base("https", "devicelogin.example", "/device"),
                        List.of(QUERY), AuthenticationFailedException.class, true, v -> true, UrlRefusalSites::deviceCode));
    }

    private static Site site(String name, String names, Base base, List<Kind> allowed, Class<? extends Throwable> refusal,
            Attempt attempt) {
        return new Site(name, names, base, allowed, refusal, false, v -> true, attempt);
    }

    private static Site authority(String credential, Attempt attempt) {
        return site(credential + ".authorityHost", credential + ": CredentialOptions.authorityHost", AUTHORITY, List.of(),
                IllegalArgumentException.class, attempt);
    }

    private static Site mi(String name, String variable, Base base, List<Kind> allowed, Map<String, String> others) {
        return site("ManagedIdentityCredential " + name, "ManagedIdentityCredential: " + variable, base, allowed,
                AuthenticationFailedException.class, (v, t) -> {
                    Map<String, String> env = new HashMap<>(others);
                    env.put(variable, v);
                    ManagedIdentityCredential.builder().options(CredentialOptions.builder().environment(Environment.of(env)).httpTransport(t).build()).osName("Linux")
                            .arcTokenDirectory(NO_FILE.getParent()).build().getToken(TokenRequestContext.of("https://x/.default"));
                });
    }

    private static Site proxy(String variable) {
        return site("HttpTransport " + variable, "HttpTransport: " + variable, new Base("http", "proxy.corp.example:8080", ""),
                List.of(USER_INFO, PLAIN_HTTP), IllegalArgumentException.class,
                (v, t) -> HttpTransport.builder().environment(Environment.of(Map.of(variable, v))).build());
    }

    private static GitHubActionsCredential.Builder github(Map<String, String> overrides, ScriptedTransport t) {
        return github(overrides, CredentialOptions.builder().httpTransport(t));
    }

    private static GitHubActionsCredential.Builder github(Map<String, String> overrides, CredentialOptions.Builder o) {
        Map<String, String> env = new HashMap<>(Map.of("ACTIONS_ID_TOKEN_REQUEST_URL", OIDC.toString(),
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "request-token-value", "AZURE_CLIENT_ID", C, "AZURE_TENANT_ID", T));
        env.putAll(overrides);
        return GitHubActionsCredential.builder().options(o.environment(Environment.of(env)).build());
    }

    private static AzurePipelinesCredential.Builder pipelines(ScriptedTransport t) {
        return pipelines(CredentialOptions.builder().environment(Environment.of(Map.of())).httpTransport(t));
    }

    private static AzurePipelinesCredential.Builder pipelines(CredentialOptions.Builder o) {
        return AzurePipelinesCredential.builder().tenantId(T).clientId(C).serviceConnectionId("sc")
                .systemAccessToken("system-access-token-value").options(o.build());
    }

    private static void discoverAnswering(ScriptedTransport t, String body) {
        t.thenJson(200, body);
        CloudDiscovery.builder().httpTransport(t).build().discover(URI.create("https://management.example/"), "S");
    }

    private static void deviceCode(String v, ScriptedTransport t) {
        t.thenJson(200, "{\"device_code\":\"dc\",\"user_code\":\"ABC\",\"verification_uri\":" + json(v)
                + ",\"expires_in\":900,\"interval\":1}").thenJson(400, "{\"error\":\"authorization_declined\"}");
        DeviceCodeCredential.builder().tenantId(T).clientId(C).challengeConsumer(i -> { }).options(CredentialOptions.builder().authorityHost("https://login.example").httpTransport(t).build()).build().getToken(TokenRequestContext.of("https://x/.default"));
    }

    private static boolean parses(String v) {
        try {
            new URI(v);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String json(String v) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            sb.append(c < 0x20 || c == '"' || c == '\\' || c >= 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('"').toString();
    }

    /**
     * A transport that records requests and, after the script, refuses each with a 400 JSON error:
     * an answer no retry policy waits on, so an accepted value fails fast without a refusal.
     */
    static ScriptedTransport refusingEverything() {
        return new ScriptedTransport().always(r -> ScriptedTransport.json(400, "{\"error\":\"invalid_request\"}", Map.of()));
    }
}
