package dev.azid.test;

import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import java.net.URI;
import java.util.Map;

/**
 * Answers for the endpoints a credential's sign-in calls besides IMDS: Entra ID's device code endpoint, the
 * CI services' OIDC token endpoints (GitHub Actions, Azure Pipelines) and, for anything else, a token.
 */
public final class SignInEndpoints {

    private SignInEndpoints() {
    }

    /**
     * Answers a request as its endpoint would, successfully.
     *
     * @param request the request
     * @return a device code (user code UC123), a CI's OIDC token, or an access token {@code access-token}
     */
    public static HttpResponse answer(HttpRequest request) {
        URI uri = request.uri();
        if (uri.getPath().endsWith("/devicecode")) {
            return ScriptedTransport.json(200, "{\"device_code\":\"dc\",\"user_code\":\"UC123\",\"verification_uri\":"
                    + "\"https://microsoft.com/devicelogin\",\"expires_in\":900,\"interval\":1,\"message\":\"Enter UC123\"}",
                    Map.of());
        }
        if (uri.getHost().endsWith("actions.githubusercontent.com")) {
            return ScriptedTransport.json(200, "{\"value\":\"github.oidc.jwt\"}", Map.of());
        }
        if (uri.getPath().endsWith("/oidctoken")) {
            return ScriptedTransport.json(200, "{\"oidcToken\":\"pipelines.oidc.jwt\"}", Map.of());
        }
        return ScriptedTransport.json(200, ScriptedTransport.tokenJson("access-token", 3599), Map.of());
    }
}
