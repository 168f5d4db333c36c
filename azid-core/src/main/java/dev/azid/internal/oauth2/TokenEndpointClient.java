package dev.azid.internal.oauth2;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.internal.diagnostics.AccountIdentifiers;
import dev.azid.internal.http.HttpPipeline;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import dev.azid.internal.redact.RecentSecrets;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.util.Uris;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/** Posts token requests to an Entra ID token endpoint and reads the answer. */
public final class TokenEndpointClient {

    /** The most one attempt may take. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

    private final String credentialName;
    private final HttpPipeline pipeline;
    private final Clock clock;
    private final Redactor redactor;
    private final RecentSecrets received = new RecentSecrets();

    /**
     * Creates the client.
     *
     * @param credentialName the credential, for messages
     * @param pipeline sends requests with retries
     * @param clock stamps received tokens
     * @param redactor masks the credential's secrets in what the endpoint answers
     */
    public TokenEndpointClient(String credentialName, HttpPipeline pipeline, Clock clock, Redactor redactor) {
        this.credentialName = credentialName;
        this.pipeline = pipeline.withRedactor(redactor);
        this.clock = clock;
        this.redactor = redactor;
    }

    /**
     * The redactor for messages about a request: the credential's secrets, the tokens this client
     * received, and the secrets the request carries.
     *
     * @param request the request, or {@code null}
     * @return the redactor
     */
    public Redactor redactor(HttpRequest request) {
        Redactor r = redactor.and(received.values());
        return request == null ? r : r.forRequest(request);
    }

    /**
     * Sends a token request.
     *
     * @param tokenEndpoint the endpoint
     * @param form the request form, including the client's proof
     * @return the token
     * @throws AuthenticationFailedException if the endpoint cannot be reached or refuses
     * @throws CancellationException if the thread was interrupted
     */
    public AccessToken requestToken(URI tokenEndpoint, FormBody form) {
        return requestUserToken(tokenEndpoint, form).token();
    }

    /**
     * Sends a token request of a user flow and keeps its refresh token and account.
     *
     * @param tokenEndpoint the endpoint
     * @param form the request form
     * @return the token, refresh token and account
     * @throws AuthenticationFailedException if the endpoint cannot be reached or refuses
     */
    public UserTokenResult requestUserToken(URI tokenEndpoint, FormBody form) {
        String requestId = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.postForm(tokenEndpoint, ClientHeaders.forRequest(requestId), form.encode(),
                ATTEMPT_TIMEOUT);
        HttpResponse response;
        try {
            response = pipeline.send(request);
        } catch (IOException e) {
            Redactor r = redactor(request);
            if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
                    || Thread.currentThread().isInterrupted()) {
                CancellationException ce = new CancellationException(credentialName + ": interrupted");
                ce.initCause(r.cause(e));
                throw ce;
            }
            throw new AuthenticationFailedException(credentialName + ": could not get an answer from " + request
                    + " (" + e.getClass().getSimpleName() + ": " + r.redact(e.getMessage()) + "; client-request-id "
                    + requestId + "). Check network access to " + Uris.redact(URI.create(tokenEndpoint.getScheme() + "://"
                    + tokenEndpoint.getRawAuthority())) + ", the authority host setting, and any proxy (HTTPS_PROXY).",
                    r.cause(e));
        }
        if (!response.isSuccess()) {
            throw EntraErrors.fromResponse(credentialName, request, response, requestId, redactor(request));
        }
        try {
            JsonObject json = JsonObject.parse(response.body());
            UserTokenResult result = UserTokenResult.from(json, TokenResponse.parse(json).toAccessToken(clock.instant()));
            received.remember(result.refreshToken());
            received.remember(result.token().token());
            if (pipeline.logsAccountIdentifiers()) {
                AccountIdentifiers.log(credentialName, result.token().token());
            }
            return result;
        } catch (JsonFormatException | IllegalStateException e) {
            throw new AuthenticationFailedException(credentialName + ": " + request.method() + " "
                    + Uris.redact(tokenEndpoint) + " answered HTTP " + response.statusCode()
                    + " but not with a usable token response: " + redactor(request).redact(e.getMessage())
                    + " (client-request-id " + requestId + "). Check that the authority host points at Microsoft Entra ID.");
        }
    }
}
