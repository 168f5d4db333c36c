package dev.azid.internal.signin;

import dev.azid.AuthenticationFailedException;
import dev.azid.DeviceCodeInfo;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.internal.http.HttpPipeline;
import dev.azid.internal.http.Sleeper;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import dev.azid.internal.oauth2.Authority;
import dev.azid.internal.oauth2.ClientHeaders;
import dev.azid.internal.oauth2.EntraErrors;
import dev.azid.internal.oauth2.FormBody;
import dev.azid.internal.oauth2.TokenEndpointClient;
import dev.azid.internal.oauth2.UserTokenResult;
import dev.azid.internal.util.EndpointUrl;
import dev.azid.internal.util.UrlUse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The device code flow (RFC 8628): request a code, hand it to the prompt, poll the token endpoint
 * at the server's interval ({@code authorization_pending}: keep polling; {@code slow_down}: 5 s
 * more; {@code authorization_declined}, {@code expired_token}, {@code bad_verification_code}: stop)
 * until the code expires or the caller's timeout passes. Interrupting the thread cancels it.
 *
 * @param credentialName the credential, for messages
 * @param clientId the public client
 * @param prompt receives the code for the user
 * @param timeout the most time to wait for the user
 * @param pipeline sends the device code request
 * @param endpoint polls the token endpoint
 * @param clock measures the wait
 * @param sleeper waits between polls
 */
public record DeviceCodeSignIn(String credentialName, String clientId, Consumer<DeviceCodeInfo> prompt, Duration timeout,
        HttpPipeline pipeline, TokenEndpointClient endpoint, Clock clock, Sleeper sleeper) implements UserSignIn {

    /** The page the user is sent to comes from the server, so it passes the endpoint rule like any other URL. */
    private URI verificationPage(JsonObject code) {
        try {
            return EndpointUrl.check(code.string("verification_uri").orElse("https://microsoft.com/devicelogin"),
                    credentialName + ": the device code answer's verification_uri", UrlUse.USER_PAGE);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException(e.getMessage() + " The server sent it: check that the authority "
                    + "host is an Entra ID endpoint.", e);
        }
    }

    @Override
    public UserTokenResult signIn(Authority authority, List<String> scopes, String claims) {
        URI url = URI.create(authority.host() + "/" + authority.tenant() + "/oauth2/v2.0/devicecode");
        FormBody form = new FormBody().add("client_id", clientId).add("scope", String.join(" ", scopes)).add("claims", claims);
        HttpRequest request = HttpRequest.postForm(url, ClientHeaders.forRequest(java.util.UUID.randomUUID().toString()),
                form.encode(), TokenEndpointClient.ATTEMPT_TIMEOUT);
        JsonObject code;
        try {
            HttpResponse response = pipeline.send(request);
            if (!response.isSuccess()) {
                throw EntraErrors.fromResponse(credentialName, request, response, "device-code", endpoint.redactor(request));
            }
            code = JsonObject.parse(response.body());
        } catch (IOException e) {
            throw new AuthenticationFailedException(credentialName + ": could not request a device code from " + url
                    + " (" + e.getClass().getSimpleName() + ").", endpoint.redactor(request).cause(e));
        } catch (JsonFormatException e) {
            throw new AuthenticationFailedException(credentialName + ": the device code answer is not JSON.");
        }
        String deviceCode = code.string("device_code").orElseThrow(() ->
                new AuthenticationFailedException(credentialName + ": the device code answer has no device_code."));
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(code.integer("expires_in").orElse(900L));
        Instant deadline = now.plus(timeout).isBefore(expires) ? now.plus(timeout) : expires;
        long interval = Math.max(1, code.integer("interval").orElse(5L));
        prompt.accept(new DeviceCodeInfo(code.string("user_code").orElse(""), verificationPage(code), expires,
                code.string("message").orElse("")));
        FormBody poll = new FormBody().add("grant_type", "urn:ietf:params:oauth:grant-type:device_code")
                .add("client_id", clientId).add("device_code", deviceCode).add("client_info", "1");
        while (true) {
            try {
                return endpoint.requestUserToken(authority.tokenEndpoint(), poll);
            } catch (AuthenticationFailedException e) {
                String error = e.details().map(d -> d.error()).orElse("");
                if (error.equals("slow_down")) {
                    interval += 5;
                } else if (!error.equals("authorization_pending")) {
                    throw new AuthenticationFailedException(credentialName + ": device code sign-in failed: " + switch (error) {
                        case "authorization_declined" -> "the user declined it. Sign in again and accept the request.";
                        case "expired_token" -> "the code expired before the user entered it. Sign in again.";
                        default -> e.getMessage();
                    }, e, e.details().orElse(null));
                }
            }
            if (!clock.instant().plusSeconds(interval).isBefore(deadline)) {
                throw new AuthenticationFailedException(credentialName + ": no one entered the device code within "
                        + Duration.between(now, deadline).toSeconds() + " s. Sign in again, or raise the timeout.");
            }
            try {
                sleeper.sleep(Duration.ofSeconds(interval));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                CancellationException ce = new CancellationException(credentialName + ": device code sign-in cancelled");
                ce.initCause(ie);
                throw ce;
            }
        }
    }
}
