package dev.azid.conformance;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Validates RS256 access tokens the way a resource server does: keys from the tenant's OpenID
 * configuration ({@code jwks_uri}), matched by {@code kid}, signature checked with the JDK.
 */
final class JwksVerifier {

    private final Map<String, PublicKey> keys = new HashMap<>();

    private JwksVerifier() {
    }

    /** Loads the signing keys of a tenant from its discovery document. */
    static JwksVerifier forTenant(URI authorityHost, String tenant, SSLContext ssl) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Object> discovery = getJson(http, URI.create(authorityHost + "/" + tenant
                + "/v2.0/.well-known/openid-configuration"));
        Map<String, Object> jwks = getJson(http, URI.create((String) discovery.get("jwks_uri")));
        JwksVerifier v = new JwksVerifier();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) jwks.get("keys");
        for (Map<String, Object> k : list) {
            BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode((String) k.get("n")));
            BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode((String) k.get("e")));
            v.keys.put((String) k.get("kid"), KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
        }
        return v;
    }

    /** Verifies the signature and returns the payload claims; throws if the token is not valid. */
    Map<String, Object> verify(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a JWS compact token");
        }
        Map<String, Object> header = parse(Base64.getUrlDecoder().decode(parts[0]));
        if (!"RS256".equals(header.get("alg"))) {
            throw new AssertionError("unexpected alg " + header.get("alg"));
        }
        PublicKey key = keys.get((String) header.get("kid"));
        if (key == null) {
            throw new AssertionError("no JWKS key with kid " + header.get("kid"));
        }
        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initVerify(key);
        sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!sig.verify(Base64.getUrlDecoder().decode(parts[2]))) {
            throw new AssertionError("signature does not verify");
        }
        return parse(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static Map<String, Object> getJson(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + uri + " answered " + r.statusCode());
        }
        return parse(r.body());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(byte[] json) throws IOException {
        try (JsonReader reader = JsonProviders.createReader(json)) {
            reader.nextToken();
            return (Map<String, Object>) reader.readUntyped();
        }
    }
}
