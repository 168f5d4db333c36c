package dev.azid.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * The token request every child makes, passed from the parent through environment variables (so the
 * client secret is never on a command line). JDK only, like everything a child loads besides the
 * library under test.
 *
 * @param authorityHost the emulator's HTTPS authority host, e.g. {@code https://127.0.0.1:1234}
 * @param tenantId the tenant
 * @param clientId the application's client id
 * @param clientSecret the application's secret
 * @param scope the scope to request, e.g. {@code https://management.azure.com/.default}
 */
record ChildSettings(String authorityHost, String tenantId, String clientId, String clientSecret, String scope) {

    private static final String AUTHORITY_HOST = "AZID_BENCH_AUTHORITY_HOST";
    private static final String TENANT_ID = "AZID_BENCH_TENANT_ID";
    private static final String CLIENT_ID = "AZID_BENCH_CLIENT_ID";
    private static final String CLIENT_SECRET = "AZID_BENCH_CLIENT_SECRET";
    private static final String SCOPE = "AZID_BENCH_SCOPE";

    /** A second scope, for warming a JVM up without touching the cache of the scope under test. */
    static final String WARM_UP_SCOPE = "https://graph.microsoft.com/.default";

    /** @return the settings the parent put in this process's environment */
    static ChildSettings fromEnvironment() {
        return new ChildSettings(ChildOutput.env(AUTHORITY_HOST), ChildOutput.env(TENANT_ID),
                ChildOutput.env(CLIENT_ID), ChildOutput.env(CLIENT_SECRET), ChildOutput.env(SCOPE));
    }

    /** @return the variables that carry these settings */
    Map<String, String> toEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put(AUTHORITY_HOST, authorityHost);
        env.put(TENANT_ID, tenantId);
        env.put(CLIENT_ID, clientId);
        env.put(CLIENT_SECRET, clientSecret);
        env.put(SCOPE, scope);
        return env;
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "ChildSettings[" + authorityHost + ", tenant " + tenantId + ", client " + clientId + ", " + scope + "]";
    }
}
