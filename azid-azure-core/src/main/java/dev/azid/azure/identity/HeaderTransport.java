package dev.azid.azure.identity;

import com.azure.core.util.ClientOptions;
import com.azure.core.util.Header;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import java.io.IOException;

/**
 * Adds what a compatibility builder's {@code clientOptions(...)} asks to every request: its headers,
 * and its application id in front of azid's {@code User-Agent}, as azure-core's {@code UserAgentPolicy}
 * puts it in front of the SDK's.
 */
final class HeaderTransport implements HttpTransport {

    private final HttpTransport next;
    private final ClientOptions options;

    HeaderTransport(HttpTransport next, ClientOptions options) {
        this.next = next;
        this.options = options;
    }

    /**
     * Whether the options ask for anything.
     *
     * @param options the options, or {@code null}
     * @return {@code true} if they carry headers or an application id
     */
    static boolean hasEffect(ClientOptions options) {
        return options != null && (options.getApplicationId() != null || options.getHeaders().iterator().hasNext());
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        HttpRequest out = request;
        for (Header h : options.getHeaders()) {
            out = out.withHeader(h.getName(), h.getValue());
        }
        String applicationId = options.getApplicationId();
        if (applicationId != null) {
            String agent = out.headers().get("User-Agent");
            out = out.withHeader("User-Agent", agent == null ? applicationId : applicationId + " " + agent);
        }
        return next.send(out);
    }

    @Override
    public String toString() {
        return "HeaderTransport[" + next + "]";
    }
}
