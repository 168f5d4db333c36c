package dev.azid.emulator;

import dev.azid.emulator.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain JDK HTTP client for the emulator's own tests (the emulator never uses azid). */
final class EmulatorClient {

    final HttpClient http;
    final EntraEmulator emulator;

    EmulatorClient(EntraEmulator emulator) {
        this.emulator = emulator;
        this.http = HttpClient.newBuilder().sslContext(emulator.sslContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.authorityHost() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> token(String tenant, Map<String, String> form) throws IOException, InterruptedException {
        return post("/" + tenant + "/oauth2/v2.0/token", form);
    }

    static Map<String, String> secretForm(String scope) {
        return Map.of("grant_type", "client_credentials", "client_id", EmulatorConfig.DEFAULT_CLIENT_ID,
                "client_secret", EmulatorConfig.DEFAULT_CLIENT_SECRET, "scope", scope);
    }

    static Map<String, Object> json(HttpResponse<String> r) {
        return Json.parseObject(r.body());
    }

    static Map<String, Object> claims(String jwt) {
        return Json.parseObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
