package dev.azid.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Child JVM for the cold-start baseline: the same client-credentials token request as the libraries
 * make, sent with a bare {@link HttpClient} (default settings, the JVM's trust store), then exit. No
 * JSON parsing: the token is cut out of the response with {@code indexOf}.
 */
public final class ColdStartBarePost {

    private static final String FIELD = "\"access_token\":\"";

    private ColdStartBarePost() {
    }

    /**
     * Entry point; the request comes from {@link ChildSettings}.
     *
     * @param args ignored
     * @throws IOException if the request fails
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        ChildSettings s = ChildSettings.fromEnvironment();
        String form = "grant_type=client_credentials"
                + "&client_id=" + URLEncoder.encode(s.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(s.clientSecret(), StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode(s.scope(), StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(s.authorityHost() + "/" + s.tenantId() + "/oauth2/v2.0/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int start = body.indexOf(FIELD);
        if (response.statusCode() != 200 || start < 0) {
            ChildOutput.printAndExit("error HTTP " + response.statusCode(), 1);
        }
        start += FIELD.length();
        ChildOutput.tokenObtainedAndExit(body.substring(start, body.indexOf('"', start)));
    }
}
