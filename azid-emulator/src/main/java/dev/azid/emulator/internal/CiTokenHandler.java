package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.Reply;
import dev.azid.emulator.EmulatorConfig;
import java.time.Clock;
import java.util.Map;

/**
 * CI systems' OIDC token endpoints: GitHub Actions ({@code GET /github/idtoken?audience=A}, answer
 * {@code {"value": jwt}}) and Azure Pipelines ({@code POST /pipelines/oidctoken?api-version=7.1&serviceConnectionId=ID},
 * answer {@code {"oidcToken": jwt}}), both requiring {@code Authorization: Bearer} with the CI
 * request token. The tokens come from the emulator's federation issuer.
 */
final class CiTokenHandler {

    private final Tokens tokens;
    private final Clock clock;

    CiTokenHandler(Tokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    Reply github(Call call) {
        if (!authorized(call)) {
            return Reply.json(401, Map.of("message", "Bad credentials"));
        }
        String audience = call.query().getOrDefault("audience", "api://AzureADTokenExchange");
        return Reply.json(200, Map.of("count", 1, "value", token(EmulatorConfig.GITHUB_SUBJECT, audience)));
    }

    Reply pipelines(Call call) {
        if (!call.method().equals("POST")) {
            return Reply.json(405, Map.of("message", "POST expected"));
        }
        if (!authorized(call)) {
            return Reply.json(401, Map.of("message", "TF400813: The user is not authorized to access this resource."));
        }
        if (call.query().get("serviceConnectionId") == null) {
            return Reply.json(400, Map.of("message", "serviceConnectionId is required"));
        }
        return Reply.json(200, Map.of("oidcToken", token(EmulatorConfig.PIPELINES_SUBJECT, "api://AzureADTokenExchange")));
    }

    private static boolean authorized(Call call) {
        return call.header("Authorization").map(h -> h.equals("Bearer " + EmulatorConfig.CI_REQUEST_TOKEN)).orElse(false);
    }

    private String token(String subject, String audience) {
        return FederationIssuer.token(tokens, clock, subject, audience, 600);
    }
}
