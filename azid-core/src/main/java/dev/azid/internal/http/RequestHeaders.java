package dev.azid.internal.http;

import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds the configured headers to every request: the application id in front of the User-Agent (as
 * azure-core's {@code ClientOptions.applicationId} does), and custom headers. A header azid set on
 * the request itself (the protocol's {@code Metadata}, {@code X-IDENTITY-HEADER}, {@code Content-Type},
 * ...) keeps azid's value: a custom header can never change what a protocol requires.
 */
public final class RequestHeaders implements HttpTransport {

    private final HttpTransport next;
    private final String applicationId;
    private final Map<String, String> headers;
    private final String defaultUserAgent;

    /**
     * Creates the decorator.
     *
     * @param next sends the request on
     * @param applicationId the application id, or {@code null}
     * @param headers the custom headers, in order
     * @param defaultUserAgent the User-Agent the application id goes in front of when a request has none
     */
    public RequestHeaders(HttpTransport next, String applicationId, Map<String, String> headers, String defaultUserAgent) {
        this.next = next;
        this.applicationId = applicationId;
        this.headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.defaultUserAgent = defaultUserAgent;
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(request.headers());
        if (applicationId != null) {
            String ua = remove(all, "User-Agent");
            all.put("User-Agent", applicationId + " " + (ua != null ? ua : defaultUserAgent));
        }
        headers.forEach((name, value) -> {
            if (find(all, name) == null) {
                all.put(name, value);
            }
        });
        return next.send(new HttpRequest(request.method(), request.uri(), all, request.body(), request.timeout()));
    }

    private static String find(Map<String, String> headers, String name) {
        for (String key : headers.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return null;
    }

    private static String remove(Map<String, String> headers, String name) {
        String key = find(headers, name);
        return key == null ? null : headers.remove(key);
    }

    @Override
    public String toString() {
        return "RequestHeaders[" + next + "]";
    }
}
