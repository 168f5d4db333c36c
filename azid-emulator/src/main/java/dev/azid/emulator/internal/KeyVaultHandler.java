package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A minimal Azure Key Vault secrets endpoint: {@code PUT /secrets/{name}} and
 * {@code GET /secrets/{name}[/{version}]}, behind Key Vault's bearer challenge and with its error
 * shapes, so that real Key Vault clients can be tested against the emulator. The vault belongs to
 * the emulator's first tenant; every listener of one emulator serves the same secrets. Request
 * {@code attributes} are ignored, and deleting, listing and recovering are not served. Thread-safe.
 */
final class KeyVaultHandler {

    /** The resource Key Vault names in its challenge; tokens for it have this audience. */
    static final String RESOURCE = "https://vault.azure.net";

    private static final Set<String> AUDIENCES = Set.of(RESOURCE, RESOURCE + "/", "cfa8b339-82a2-471a-a3c9-0fc0be7a4093");
    private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z-]{1,127}");
    private static final Pattern API_VERSION = Pattern.compile("7\\.[0-9]+(-preview(\\.[0-9]+)?)?|20[0-9]{2}-[0-9]{2}-[0-9]{2}(-preview)?");
    private static final int MAX_VALUE_BYTES = 25 * 1024;
    private final Directory directory;
    private final Tokens tokens;
    private final Clock clock;
    /** Secrets by lower-cased name, versions oldest first. */
    private final ConcurrentHashMap<String, List<Version>> secrets = new ConcurrentHashMap<>();
    private final AtomicBoolean claimsChallenge = new AtomicBoolean();

    KeyVaultHandler(Directory directory, Tokens tokens, Clock clock) {
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Makes the next authenticated Key Vault request fail with a Continuous Access Evaluation claims
     * challenge, as Key Vault does when Entra ID revoked a session.
     */
    void challengeNextRequest() {
        claimsChallenge.set(true);
    }

    Reply handle(Call call) {
        String tenant = directory.firstTenantId();
        Reply refused = authenticate(call, tenant);
        if (refused != null) {
            return refused;
        }
        if (claimsChallenge.compareAndSet(true, false)) {
            return claimsChallenge(call, tenant);
        }
        String apiVersion = call.query().get("api-version");
        if (apiVersion == null || apiVersion.isBlank()) {
            return error(400, "BadParameter", "The 'api-version' query parameter is missing.");
        }
        if (!API_VERSION.matcher(apiVersion).matches()) {
            return error(400, "BadParameter", "The specified version (" + apiVersion + ") is not recognized. Consider "
                    + "using the latest supported version (7.6).");
        }
        String[] seg = call.path().substring(1).split("/");
        if (seg.length < 2 || seg.length > 3) {
            return error(404, "NotFound", "The emulator's Key Vault serves only PUT and GET /secrets/{name}[/{version}].");
        }
        if (!NAME.matcher(seg[1]).matches()) {
            return error(400, "BadParameter", "The request URI contains an invalid name: " + seg[1]);
        }
        if (call.method().equals("PUT") && seg.length == 2) {
            return set(call, seg[1], call.body());
        }
        if (call.method().equals("GET")) {
            return get(call, seg[1], seg.length == 3 ? seg[2] : null);
        }
        return error(405, "MethodNotAllowed", "The emulator's Key Vault serves only PUT and GET "
                + "/secrets/{name}[/{version}].");
    }

    private Reply authenticate(Call call, String tenant) {
        String auth = call.header("Authorization").orElse("");
        if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.substring(7).isBlank()) {
            return unauthorized(call, tenant, "AKV10000: Request is missing a Bearer or PoP token.");
        }
        Map<String, Object> claims = tokens.verify(auth.substring(7).trim());
        if (claims == null) {
            return unauthorized(call, tenant, "Token validation failed: the token is malformed or its signature is "
                    + "invalid.");
        }
        long now = clock.instant().getEpochSecond();
        if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= now) {
            return unauthorized(call, tenant, "Token validation failed: the token has expired.");
        }
        if (claims.get("nbf") instanceof Number nbf && nbf.longValue() > now) {
            return unauthorized(call, tenant, "Token validation failed: the token is not yet valid.");
        }
        String aud = String.valueOf(claims.get("aud"));
        if (!AUDIENCES.contains(aud.toLowerCase(Locale.ROOT))) {
            return unauthorized(call, tenant, "AKV10022: Invalid audience. Expected " + RESOURCE + ", found: " + aud + ".");
        }
        if (!tenant.equalsIgnoreCase(String.valueOf(claims.get("tid")))) {
            return unauthorized(call, tenant, "AKV10032: Invalid issuer. Expected one of https://sts.windows.net/" + tenant
                    + "/, found " + claims.get("iss") + ".");
        }
        return null;
    }

    private Reply set(Call call, String name, byte[] body) {
        Map<String, Object> request;
        try {
            request = Json.parseObject(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // The parser's message may quote the body, and so the secret: it is not passed on.
            return error(400, "BadParameter", "The request body is not a valid JSON object.");
        }
        if (!(request.get("value") instanceof String value)) {
            return error(400, "BadParameter", "Property 'value' is required and must be a string.");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            return error(400, "BadParameter", "The secret value is larger than Key Vault's limit of 25 KB.");
        }
        Object contentType = request.get("contentType");
        if (contentType != null && !(contentType instanceof String)) {
            return error(400, "BadParameter", "Property 'contentType' must be a string.");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        if (request.get("tags") instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getValue() instanceof String v)) {
                    return error(400, "BadParameter", "Tag '" + e.getKey() + "' must have a string value.");
                }
                tags.put(String.valueOf(e.getKey()), v);
            }
        } else if (request.get("tags") != null) {
            return error(400, "BadParameter", "Property 'tags' must be an object.");
        }
        Version v = new Version(name, UUID.randomUUID().toString().replace("-", ""), value, (String) contentType,
                Map.copyOf(tags), clock.instant().getEpochSecond());
        secrets.compute(name.toLowerCase(Locale.ROOT), (k, old) -> {
            List<Version> versions = old == null ? new ArrayList<>() : new ArrayList<>(old);
            versions.add(v);
            return List.copyOf(versions);
        });
        return Reply.json(200, bundle(call, v));
    }

    private Reply get(Call call, String name, String version) {
        List<Version> versions = secrets.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        Version found = version == null || version.isEmpty()
                ? (versions.isEmpty() ? null : versions.get(versions.size() - 1))
                : versions.stream().filter(x -> x.version().equalsIgnoreCase(version)).findFirst().orElse(null);
        if (found == null) {
            return error(404, "SecretNotFound", "A secret with (name/id) " + name + (version == null ? "" : "/" + version)
                    + " was not found in this key vault. If you recently deleted this secret you may be able to recover "
                    + "it using the correct recovery command.");
        }
        return Reply.json(200, bundle(call, found));
    }

    private static Map<String, Object> bundle(Call call, Version v) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("enabled", true);
        attributes.put("created", v.created());
        attributes.put("updated", v.created());
        attributes.put("recoveryLevel", "Recoverable+Purgeable");
        attributes.put("recoverableDays", 90);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", v.value());
        if (v.contentType() != null) {
            m.put("contentType", v.contentType());
        }
        m.put("id", call.baseUrl() + "/secrets/" + v.name() + "/" + v.version());
        m.put("attributes", attributes);
        if (!v.tags().isEmpty()) {
            m.put("tags", v.tags());
        }
        return m;
    }

    private Reply unauthorized(Call call, String tenant, String message) {
        return error(401, "Unauthorized", message).withHeader("WWW-Authenticate", "Bearer authorization=\""
                + RealHosts.loginBase(call.baseUrl()) + "/" + tenant + "\", resource=\"" + RESOURCE + "\"");
    }

    private Reply claimsChallenge(Call call, String tenant) {
        String claims = "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\""
                + clock.instant().getEpochSecond() + "\"}}}";
        // Standard, padded base64 as Entra ID's resources send it; azure-core decodes it with the standard decoder.
        String encoded = Base64.getEncoder().encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return error(401, "Unauthorized", "Continuous access evaluation: the token does not satisfy the claims "
                + "challenge. Request a new token with these claims.").withHeader("WWW-Authenticate", "Bearer realm=\"\", "
                + "authorization_uri=\"" + RealHosts.loginBase(call.baseUrl()) + "/" + tenant + "/oauth2/authorize\", error=\"insufficient_claims\", "
                + "claims=\"" + encoded + "\"");
    }

    private static Reply error(int status, String code, String message) {
        return Reply.json(status, Map.of("error", Map.of("code", code, "message", message)));
    }

    /** One version of a secret. */
    record Version(String name, String version, String value, String contentType, Map<String, String> tags,
            long created) {

        /** Never the value. */
        @Override
        public String toString() {
            return "Version[" + name + "/" + version + "]";
        }
    }
}
