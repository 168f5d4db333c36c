package dev.azid.test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A "browser" for {@code InteractiveBrowserCredential.Builder.browser(...)} that follows the
 * sign-in at once: it sends the loopback listener the code {@code auth-code} with the right state,
 * for tests whose token endpoint is scripted and accepts any code.
 */
public final class RedirectingBrowser {

    private RedirectingBrowser() {
    }

    /** @return the browser */
    public static Consumer<URI> instance() {
        return url -> {
            Map<String, String> query = new HashMap<>();
            for (String pair : url.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            URI redirect = URI.create(query.get("redirect_uri") + "?code=auth-code&state="
                    + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
            try {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(redirect).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }
}
