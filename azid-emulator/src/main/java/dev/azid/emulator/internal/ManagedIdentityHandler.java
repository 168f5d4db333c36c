package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.EmulatorConfig.ManagedIdentity;
import dev.azid.emulator.Reply;
import dev.azid.emulator.internal.MiTokens.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The managed-identity endpoints, each with its own protocol: IMDS, App Service 2019-08-01, the
 * legacy 2017-09-01 / Azure ML form, Cloud Shell, Azure Arc (401 challenge naming a key file in the
 * Arc key directory) and Service Fabric. Identities come from the first tenant's configuration.
 * An identity parameter is honoured where the endpoint selects identities, and refused where it
 * cannot; the system-assigned identity is never silently given instead of the one asked for.
 */
final class ManagedIdentityHandler {

    /** The {@code X-IDENTITY-HEADER} / {@code secret} value the endpoints expect: a test fixture, not a secret. */
    static final String IDENTITY_HEADER = "azid-emulator-identity-header";

    private final Directory directory;
    private final MiTokens tokens;
    private final Path arcKeyDirectory;

    ManagedIdentityHandler(Directory directory, Tokens tokens, Clock clock, Path arcKeyDirectory) {
        this.directory = directory;
        this.tokens = new MiTokens(directory, tokens, clock);
        this.arcKeyDirectory = arcKeyDirectory;
    }

    Reply imds(Call call) {
        if (!"true".equalsIgnoreCase(call.header("Metadata").orElse(""))) {
            return oauthError(400, "Required metadata header not specified");
        }
        // IMDS documents msi_res_id and also observes mi_res_id (azure-sdk-for-go#22650).
        IdentityRequest asked = IdentityRequest.read(call.query(), List.of("client_id"), List.of("object_id"),
                List.of("msi_res_id", "mi_res_id"));
        if (asked.named().size() > 1) {
            return oauthError(400, "Only one of " + String.join(", ", asked.named()) + " may be given.");
        }
        Optional<ManagedIdentity> id = asked.select(identities());
        return id.isEmpty() ? oauthError(400, "Identity not found") : tokens.token(call, call.query(), id.get(), Format.IMDS);
    }

    Reply appService(Call call) {
        if (!IDENTITY_HEADER.equals(call.header("X-IDENTITY-HEADER").orElse(null))) {
            return appServiceError(401, "The X-IDENTITY-HEADER header is missing or wrong.");
        }
        // App Service's REST reference: object_id is an alias of principal_id, and the id parameters exclude each other.
        IdentityRequest asked = IdentityRequest.read(call.query(), List.of("client_id"), List.of("principal_id", "object_id"),
                List.of("mi_res_id"));
        if (asked.named().size() > 1) {
            return appServiceError(400, "Only one of client_id, principal_id, object_id and mi_res_id may be given; the "
                    + "request has " + String.join(", ", asked.named()) + ".");
        }
        Optional<ManagedIdentity> id = asked.select(identities());
        return id.isEmpty() ? appServiceError(400, "Unable to load the proper Managed Identity.")
                : tokens.token(call, call.query(), id.get(), Format.APP_SERVICE);
    }

    Reply legacy(Call call) {
        if (!IDENTITY_HEADER.equals(call.header("secret").orElse(null))) {
            return Reply.json(401, Map.of("error", "unauthorized", "error_description", "The secret header is missing or wrong."));
        }
        List<String> other = IdentityRequest.anyNamed(call.query()).stream().filter(n -> !n.equals("clientid")).toList();
        if (!other.isEmpty()) {
            return oauthError(400, "The 2017-09-01 endpoint selects user-assigned identities by 'clientid' only; the "
                    + "request has " + String.join(", ", other) + ".");
        }
        Optional<ManagedIdentity> id = IdentityRequest.read(call.query(), List.of("clientid"), List.of(), List.of())
                .select(identities());
        return id.isEmpty() ? oauthError(400, "Identity not found") : tokens.token(call, call.query(), id.get(), Format.LEGACY);
    }

    Reply serviceFabric(Call call) {
        if (!IDENTITY_HEADER.equals(call.header("secret").orElse(null))) {
            return fabricError(401, "SecretHeaderNotFound", "Secret is not found in the request headers.");
        }
        if (!"2019-07-01-preview".equals(call.query().get("api-version"))) {
            return fabricError(400, "InvalidApiVersion", "The api-version is missing or not supported.");
        }
        // MSAL sends client_id, object_id or mi_res_id here; Service Fabric documents none, so the emulator honours
        // them as App Service does and refuses an identity it does not have.
        IdentityRequest asked = IdentityRequest.read(call.query(), List.of("client_id"), List.of("object_id", "principal_id"),
                List.of("mi_res_id", "msi_res_id"));
        if (asked.named().size() > 1) {
            return fabricError(400, "InvalidIdentityParameters", "Only one identity parameter may be given.");
        }
        Optional<ManagedIdentity> id = asked.select(identities());
        return id.isEmpty() ? fabricError(400, "ManagedIdentityNotFound", "The managed identity named is not assigned to "
                + "this service.") : tokens.token(call, call.query(), id.get(), Format.APP_SERVICE);
    }

    Reply cloudShell(Call call) {
        // Cloud Shell documents a POST with a form; it also answers a GET with resource in the query, which
        // msal4j sends since 1.15.1 (AzureAD/microsoft-authentication-library-for-java#771, #814).
        boolean method = call.method().equals("POST") || call.method().equals("GET");
        if (!method || !"true".equalsIgnoreCase(call.header("Metadata").orElse(""))) {
            return oauthError(400, "POST or GET with Metadata: true expected");
        }
        Map<String, String> params = new HashMap<>(call.query());
        params.putAll(call.form());
        List<String> named = IdentityRequest.anyNamed(params);
        if (!named.isEmpty()) {
            return oauthError(400, "Cloud Shell does not support user-assigned managed identities; the request has "
                    + String.join(", ", named) + ".");
        }
        return system(call, params, Format.IMDS);
    }

    Reply arc(Call call) {
        List<String> named = IdentityRequest.anyNamed(call.query());
        if (!named.isEmpty()) {
            return oauthError(400, "Azure Arc supports only the machine's system-assigned identity; the request has "
                    + String.join(", ", named) + ".");
        }
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
        return system(call, call.query(), Format.IMDS);
    }

    private Reply system(Call call, Map<String, String> params, Format format) {
        Optional<ManagedIdentity> id = IdentityRequest.read(Map.of(), List.of(), List.of(), List.of()).select(identities());
        return id.isEmpty() ? oauthError(400, "Identity not found") : tokens.token(call, params, id.get(), format);
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

    private List<ManagedIdentity> identities() {
        return directory.firstTenant().map(t -> t.managedIdentities()).orElse(List.of());
    }

    private static Reply oauthError(int status, String description) {
        return Reply.json(status, Map.of("error", "invalid_request", "error_description", description));
    }

    private static Reply appServiceError(int status, String message) {
        return Reply.json(status, Map.of("statusCode", status, "message", message));
    }

    private static Reply fabricError(int status, String code, String message) {
        return Reply.json(status, Map.of("error", Map.of("code", code, "message", message)));
    }
}
