package dev.azid.benchmarks;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * An MSAL4J {@link IHttpClient} over {@code java.net.http.HttpClient} (default SSL context: the JVM
 * trust store, which holds the emulator's CA) that sends requests for {@code https://127.0.0.1/...}
 * (no port) to the emulator's port, for the same reason as {@link FixedPortHttpClient}: MSAL4J finds
 * cached tokens again only when the authority carries no port, and the Redis cache-access aspect is
 * only worth measuring if a process can use a token another process stored.
 */
final class MsalFixedPortHttpClient implements IHttpClient {

    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final int port;

    /** @param port the port to send port-less loopback requests to */
    MsalFixedPortHttpClient(int port) {
        this.port = port;
    }

    /**
     * The authority to give MSAL4J for an emulator authority host and tenant.
     *
     * @param authorityHost e.g. {@code https://127.0.0.1:1234}
     * @param tenantId the tenant
     * @return e.g. {@code https://127.0.0.1/<tenant>/}
     */
    static String authority(String authorityHost, String tenantId) {
        URI u = URI.create(authorityHost);
        return u.getScheme() + "://" + u.getHost() + "/" + tenantId + "/";
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        URI u = request.url().toURI();
        URI target = u.getPort() == -1 && "127.0.0.1".equals(u.getHost())
                ? new URI(u.getScheme(), u.getUserInfo(), u.getHost(), port, u.getPath(), u.getQuery(), u.getFragment())
                : u;
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(target).timeout(TIMEOUT);
        if (request.headers() != null) {
            for (Map.Entry<String, String> h : request.headers().entrySet()) {
                if (!RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    b.header(h.getKey(), h.getValue());
                }
            }
        }
        String body = request.body();
        b.method(request.httpMethod().name(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        java.net.http.HttpResponse<String> r = client.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        HttpResponse response = new HttpResponse().statusCode(r.statusCode()).body(r.body());
        response.addHeaders(r.headers().map());
        return response;
    }
}
