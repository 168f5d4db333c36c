package dev.azid.internal.managedidentity;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.internal.diagnostics.AccountIdentifiers;
import dev.azid.internal.http.HttpPipeline;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.util.Uris;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * What every managed-identity source shares: sending with its retry policy, and reading answers.
 *
 * @param credentialName the credential, for messages
 * @param pipeline sends with retries
 * @param clock stamps tokens
 */
public record MiExchange(String credentialName, HttpPipeline pipeline, Clock clock) {

    /** The most one attempt may take. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Sends a request; a request that got no answer at all throws.
     *
     * @param request the request
     * @return the answer
     * @throws IOException if no answer came (the caller decides what that means)
     */
    public HttpResponse send(HttpRequest request) throws IOException {
        try {
            return pipeline.send(request);
        } catch (InterruptedIOException e) {
            if (!(e instanceof SocketTimeoutException)) {
                CancellationException ce = new CancellationException(credentialName + ": interrupted");
                ce.initCause(redactor(request).cause(e));
                throw ce;
            }
            throw e;
        }
    }

    /**
     * Sends a request to an endpoint that the environment says exists: no answer is a failure.
     *
     * @param source the source's name
     * @param request the request
     * @return the answer
     */
    public HttpResponse sendExpectingAnswer(String source, HttpRequest request) {
        try {
            return send(request);
        } catch (IOException e) {
            Redactor r = redactor(request);
            throw new AuthenticationFailedException(credentialName + ": the " + source + " managed identity endpoint "
                    + Uris.redact(request.uri()) + " did not answer (" + e.getClass().getSimpleName() + ": "
                    + r.redact(e.getMessage()) + "). The environment says it runs here; check that the host's managed "
                    + "identity is enabled.", r.cause(e));
        }
    }

    /**
     * The redactor for text about a request: masks by shape and the secrets the request carries
     * (the identity header, the Arc key, the Service Fabric secret).
     *
     * @param request the request sent
     * @return the redactor
     */
    public static Redactor redactor(HttpRequest request) {
        return Redactor.SHAPES.forRequest(request);
    }

    /**
     * Reads a token from a 2xx answer, or fails with the answer's error.
     *
     * @param source the source's name
     * @param request the request
     * @param response the answer
     * @return the token
     */
    public AccessToken token(String source, HttpRequest request, HttpResponse response) {
        return token(source, request, response, IdentityId.SYSTEM);
    }

    /**
     * Reads a token from a 2xx answer and checks that the answer, where it names an identity, names
     * the requested one; fails with the answer's error otherwise.
     *
     * @param source the source's name
     * @param request the request
     * @param response the answer
     * @param requested the identity asked for
     * @return the token
     */
    public AccessToken token(String source, HttpRequest request, HttpResponse response, IdentityId requested) {
        if (!response.isSuccess()) {
            throw failure(source, request, response, "");
        }
        AccessToken token;
        String other;
        try {
            JsonObject json = MiTokenParser.json(response.body());
            token = MiTokenParser.parse(json, clock.instant());
            other = IdentityEcho.mismatch(requested, json, token.token());
        } catch (IllegalStateException e) {
            throw new AuthenticationFailedException(credentialName + ": the " + source + " endpoint answered HTTP "
                    + response.statusCode() + " but " + redactor(request).redact(e.getMessage()) + ".");
        }
        if (other != null) {
            throw new AuthenticationFailedException(credentialName + ": the " + source + " endpoint answered with a token "
                    + "whose " + other + ", but " + requested.describe() + " was requested; the token is refused so that "
                    + "no other identity's token is used. Check that this identity is assigned to the resource and that "
                    + "the endpoint is the platform's own.");
        }
        if (pipeline.logsAccountIdentifiers()) {
            AccountIdentifiers.log(credentialName, token.token());
        }
        return token;
    }

    /**
     * The failure for an error answer, with its {@code error} and {@code error_description}.
     *
     * @param source the source's name
     * @param request the request
     * @param response the answer
     * @param remedy what to do, appended
     * @return the exception
     */
    public AuthenticationFailedException failure(String source, HttpRequest request, HttpResponse response, String remedy) {
        String description = describe(request, response);
        return new AuthenticationFailedException(credentialName + ": the " + source + " managed identity endpoint "
                + request.method() + " " + Uris.redact(request.uri()) + " answered HTTP " + response.statusCode() + ": "
                + description + "." + (remedy.isEmpty() ? "" : " " + remedy), null,
                new AuthenticationFailedException.ErrorDetails(response.statusCode(), null, null, description, null, null));
    }

    /**
     * The error of an answer: {@code error: error_description} (or ARM-style {@code error.message}),
     * else an excerpt of its text; secrets masked, including those the request carried.
     *
     * @param request the request answered
     * @param response the answer
     * @return a short description without secrets
     */
    public static String describe(HttpRequest request, HttpResponse response) {
        Redactor redactor = redactor(request);
        try {
            JsonObject json = JsonObject.parse(response.body());
            String error = json.asMap().get("error") instanceof String s ? s
                    : json.object("error").flatMap(o -> o.string("code")).orElse(null);
            String text = json.string("error_description").or(() -> json.string("message"))
                    .or(() -> json.object("error").flatMap(o -> o.string("message"))).orElse(null);
            if (error != null || text != null) {
                return redactor.excerpt((error == null ? "" : error) + (text == null ? "" : (error == null ? "" : ": ") + text));
            }
        } catch (JsonFormatException e) {
            // Not JSON: fall through to the text.
        }
        return redactor.excerpt(response.bodyText());
    }

    /**
     * Appends a query parameter.
     *
     * @param query the query so far
     * @param name the parameter
     * @param value the value, or {@code null} to skip
     * @return the query
     */
    public static String param(String query, String name, String value) {
        if (value == null) {
            return query;
        }
        return query + (query.isEmpty() ? "" : "&") + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A GET with headers and the attempt timeout.
     *
     * @param url the URL
     * @param headers the headers
     * @return the request
     */
    public static HttpRequest get(String url, Map<String, String> headers) {
        return HttpRequest.get(java.net.URI.create(url), headers, ATTEMPT_TIMEOUT);
    }
}
