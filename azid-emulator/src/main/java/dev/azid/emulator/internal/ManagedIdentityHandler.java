package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.Reply;
import dev.azid.emulator.EmulatorConfig.ManagedIdentity;
import dev.azid.emulator.EmulatorConfig.Resource;
import dev.azid.emulator.EmulatorConfig.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The managed-identity endpoints, each with its own protocol: IMDS, App Service 2019-08-01, the
 * legacy 2017-09-01 / Azure ML form, Cloud Shell and Azure Arc (401 challenge naming a key file in
 * the Arc key directory). Identities come from the first tenant's configuration.
 */
final class ManagedIdentityHandler {

    /** The {@code X-IDENTITY-HEADER} / {@code secret} value the endpoints expect: a test fixture, not a secret. */
    static final String IDENTITY_HEADER = "azid-emulator-identity-header";

    private static final DateTimeFormatter LEGACY = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss xxx").withZone(ZoneOffset.UTC);

    private final Directory directory;
    private final Tokens tokens;
    private final Clock clock;
    private final Path arcKeyDirectory;

    ManagedIdentityHandler(Directory directory, Tokens tokens, Clock clock, Path arcKeyDirectory) {
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
        this.arcKeyDirectory = arcKeyDirectory;
    }

    Reply imds(Call call) {
        if (!"true".equalsIgnoreCase(call.header("Metadata").orElse(""))) {
            return Reply.json(400, Map.of("error", "invalid_request", "error_description", "Required metadata header not specified"));
        }
        Optional<ManagedIdentity> id = identity(call.query().get("client_id"), call.query().get("object_id"),
                call.query().get("msi_res_id"));
        if (id.isEmpty()) {
            return Reply.json(400, Map.of("error", "invalid_request", "error_description", "Identity not found"));
        }
        return token(call, id.get(), Format.IMDS);
    }

    Reply appService(Call call) {
        if (!IDENTITY_HEADER.equals(call.header("X-IDENTITY-HEADER").orElse(null))) {
            return Reply.json(401, Map.of("statusCode", 401, "message", "The X-IDENTITY-HEADER header is missing or wrong."));
        }
        Optional<ManagedIdentity> id = identity(call.query().get("client_id"), call.query().get("principal_id"),
                call.query().get("mi_res_id"));
        return id.isEmpty() ? Reply.json(400, Map.of("statusCode", 400, "message",
                "Unable to load the proper Managed Identity.")) : token(call, id.get(), Format.APP_SERVICE);
    }

    Reply legacy(Call call) {
        if (!IDENTITY_HEADER.equals(call.header("secret").orElse(null))) {
            return Reply.json(401, Map.of("error", "unauthorized", "error_description", "The secret header is missing or wrong."));
        }
        Optional<ManagedIdentity> id = identity(call.query().get("clientid"), null, null);
        return id.isEmpty() ? Reply.json(400, Map.of("error", "invalid_request", "error_description", "Identity not found"))
                : token(call, id.get(), Format.LEGACY);
    }

    Reply serviceFabric(Call call) {
        if (!IDENTITY_HEADER.equals(call.header("secret").orElse(null))) {
            return Reply.json(401, Map.of("error", Map.of("code", "SecretHeaderNotFound", "message",
                    "Secret is not found in the request headers.")));
        }
        if (!"2019-07-01-preview".equals(call.query().get("api-version"))) {
            return Reply.json(400, Map.of("error", Map.of("code", "InvalidApiVersion", "message",
                    "The api-version is missing or not supported.")));
        }
        return token(call, identity(null, null, null).orElseThrow(), Format.APP_SERVICE);
    }

    Reply cloudShell(Call call) {
        if (!call.method().equals("POST") || !"true".equalsIgnoreCase(call.header("Metadata").orElse(""))) {
            return Reply.json(400, Map.of("error", "invalid_request", "error_description", "POST with Metadata: true expected"));
        }
        Call asQuery = new Call(call.method(), call.path(), call.form(), call.headers(), call.form(), call.body(), call.contentType(),
                call.baseUrl(), call.https());
        return token(asQuery, identity(null, null, null).orElseThrow(), Format.IMDS);
    }

    Reply arc(Call call) {
        String auth = call.header("Authorization").orElse(null);
        if (auth == null) {
            try {
                Files.createDirectories(arcKeyDirectory);
                Path key = arcKeyDirectory.resolve(UUID.randomUUID() + ".key");
                Files.writeString(key, UUID.randomUUID().toString().replace("-", ""));
                return Reply.json(401, Map.of("error", "unauthorized")).withHeader("WWW-Authenticate", "Basic realm=" + key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!auth.startsWith("Basic ") || !validKey(auth.substring(6).trim())) {
            return Reply.json(401, Map.of("error", "unauthorized", "error_description", "The key is not one this agent issued."));
        }
        return token(call, identity(null, null, null).orElseThrow(), Format.IMDS);
    }

    private boolean validKey(String presented) {
        try (var files = Files.list(arcKeyDirectory)) {
            return files.anyMatch(p -> {
                try {
                    return Files.readString(p).trim().equals(presented);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<ManagedIdentity> identity(String clientId, String objectId, String resourceId) {
        if (directory.config().tenants().isEmpty()) {
            return Optional.empty();
        }
        Tenant tenant = directory.config().tenants().get(0);
        return tenant.managedIdentities().stream().filter(m -> clientId != null ? m.clientId().equalsIgnoreCase(clientId)
                : objectId != null ? m.objectId().equalsIgnoreCase(objectId)
                : resourceId != null ? m.resourceId().equalsIgnoreCase(resourceId)
                : m.kind().equals("system")).findFirst();
    }

    private enum Format { IMDS, APP_SERVICE, LEGACY }

    private Reply token(Call call, ManagedIdentity mi, Format format) {
        String resource = call.query().get("resource");
        if (resource == null || resource.isBlank()) {
            return Reply.json(400, Map.of("error", "invalid_request", "error_description", "Required query variable 'resource' is missing"));
        }
        if (!known(resource, call)) {
            return Reply.json(400, Map.of("error", "invalid_resource", "error_description", "AADSTS500011: The resource "
                    + "principal named " + resource + " was not found in the tenant."));
        }
        Tenant tenant = directory.config().tenants().get(0);
        Instant now = clock.instant();
        long lifetime = directory.config().tokenLifetimeSeconds();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("aud", resource);
        c.put("iss", "https://sts.windows.net/" + tenant.tenantId() + "/");
        c.put("iat", now.getEpochSecond());
        c.put("nbf", now.getEpochSecond());
        c.put("exp", now.getEpochSecond() + lifetime);
        c.put("appid", mi.clientId());
        c.put("appidacr", "2");
        c.put("idp", "https://sts.windows.net/" + tenant.tenantId() + "/");
        c.put("idtyp", "app");
        c.put("oid", mi.objectId());
        c.put("sub", mi.objectId());
        c.put("tid", tenant.tenantId());
        c.put("ver", "1.0");
        c.put("xms_mirid", mi.resourceId());
        String jwt = tokens.sign(c, true);
        long expiresOn = now.getEpochSecond() + lifetime;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", jwt);
        switch (format) {
            case IMDS -> {
                body.put("refresh_token", "");
                body.put("expires_in", String.valueOf(lifetime));
                body.put("expires_on", String.valueOf(expiresOn));
                body.put("ext_expires_in", String.valueOf(lifetime));
                body.put("not_before", String.valueOf(now.getEpochSecond()));
            }
            case APP_SERVICE -> body.put("expires_on", String.valueOf(expiresOn));
            case LEGACY -> body.put("expires_on", LEGACY.format(Instant.ofEpochSecond(expiresOn)));
        }
        body.put("resource", resource);
        body.put("token_type", "Bearer");
        body.put("client_id", mi.clientId());
        return Reply.json(200, body);
    }

    private boolean known(String resource, Call call) {
        String r = resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
        for (Resource res : directory.config().resources()) {
            String uri = res.appIdUri().endsWith("/") ? res.appIdUri().substring(0, res.appIdUri().length() - 1) : res.appIdUri();
            if (uri.equalsIgnoreCase(r) || res.appId().equalsIgnoreCase(r) || res.aliases().stream()
                    .anyMatch(a -> a.replaceAll("/$", "").equalsIgnoreCase(r))) {
                return true;
            }
        }
        return r.equalsIgnoreCase(call.baseUrl()) || r.equalsIgnoreCase(call.baseUrl().replace("http://", "https://"));
    }
}
