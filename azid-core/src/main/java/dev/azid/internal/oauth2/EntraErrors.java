package dev.azid.internal.oauth2;

import dev.azid.AuthenticationFailedException;
import dev.azid.AuthenticationFailedException.ErrorDetails;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.util.Uris;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an Entra ID error answer into an {@link AuthenticationFailedException} a person can act on. */
public final class EntraErrors {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");

    /** What to do for the errors users meet most. */
    private static final Map<String, String> REMEDIES = Map.ofEntries(
            Map.entry("AADSTS7000215", "Check the client secret: use the secret's value (not its id) from the app registration"),
            Map.entry("AADSTS7000222", "The client secret has expired: create a new secret in the app registration"),
            Map.entry("AADSTS7000218", "Send a client secret or certificate: the application is confidential"),
            Map.entry("AADSTS700016", "Check the client id, and that the application exists in (or was consented to) this tenant"),
            Map.entry("AADSTS90002", "Check the tenant id: no tenant with that id or domain exists in this cloud"),
            Map.entry("AADSTS900023", "Check the tenant id: it is not a valid GUID or domain"),
            Map.entry("AADSTS70011", "Check the scope: an application requests '<resource>/.default'"),
            Map.entry("AADSTS500011", "Check the scope: the resource is not known in this tenant"),
            Map.entry("AADSTS900144", "This is a bug in the client: a required parameter is missing; please report it"),
            Map.entry("AADSTS700024", "The client assertion has expired or is not yet valid: check the machine's clock"),
            Map.entry("AADSTS700027", "Check the certificate: it must be the one registered for the application"),
            Map.entry("AADSTS50126", "Check the user name and password"),
            Map.entry("AADSTS50076", "The account needs multi-factor authentication: use an interactive credential"),
            Map.entry("AADSTS50079", "The account needs multi-factor authentication: use an interactive credential"),
            Map.entry("AADSTS50173", "The user's sign-in sessions were revoked (e.g. a password reset): sign in again"),
            Map.entry("AADSTS700082", "The refresh token expired or was already used: sign in again"));

    private EntraErrors() {
    }

    /**
     * Builds the exception for an error answer from the token endpoint.
     *
     * @param credentialName the credential
     * @param request the request that failed
     * @param response the answer
     * @param clientRequestId the correlation id azid sent
     * @param redactor masks secrets in every part of the answer that is quoted (the answer may echo
     *     the request, or be written by whoever answers on the authority host)
     * @return the exception; its message and details hold no secret
     */
    public static AuthenticationFailedException fromResponse(String credentialName, HttpRequest request,
            HttpResponse response, String clientRequestId, Redactor redactor) {
        String where = request.method() + " " + Uris.redact(request.uri());
        int status = response.statusCode();
        JsonObject json;
        try {
            json = JsonObject.parse(response.body());
        } catch (JsonFormatException e) {
            String type = redactor.firstLine(response.header("Content-Type").orElse("no content type"), 100);
            return new AuthenticationFailedException(credentialName + ": " + where + " answered HTTP " + status
                    + " with a body that is not a JSON error (" + type + ", " + response.body().length + " bytes; "
                    + "client-request-id " + clientRequestId + "). The service may be unavailable or a proxy may be "
                    + "answering instead; check the authority host and proxy settings, then try again.",
                    null, new ErrorDetails(status, null, null, null, clientRequestId, null));
        }
        String rawDescription = safe(json, "error_description");
        String code = aadstsCode(json, rawDescription == null ? null : rawDescription.strip());
        String error = redactor.firstLine(safe(json, "error"), 100);
        String description = redactor.firstLine(rawDescription, 500);
        String correlationId = redactor.firstLine(firstNonNull(safe(json, "correlation_id"),
                response.header("client-request-id").orElse(null), clientRequestId), 100);
        String traceId = redactor.firstLine(safe(json, "trace_id"), 100);
        StringBuilder message = new StringBuilder(credentialName).append(": authentication failed");
        if (description != null) {
            message.append(": ").append(description);
        } else if (error != null) {
            message.append(": ").append(error);
        }
        message.append(" (").append(where).append(" answered HTTP ").append(status);
        if (error != null) {
            message.append(' ').append(error);
        }
        message.append("; correlation id ").append(correlationId);
        if (traceId != null) {
            message.append(", trace id ").append(traceId);
        }
        message.append("). ").append(remedy(code, status)).append('.');
        return new AuthenticationFailedException(message.toString(), null,
                new ErrorDetails(status, error, code, description, correlationId, traceId));
    }

    private static String remedy(String code, int status) {
        if (code != null && REMEDIES.containsKey(code)) {
            return REMEDIES.get(code);
        }
        if (status == 429 || status >= 500) {
            return "The service is busy or unavailable: try again later";
        }
        return code == null ? "Check the credential's settings"
                : "Look up " + code + " in the Microsoft Entra error code reference";
    }

    private static String aadstsCode(JsonObject json, String description) {
        if (description != null) {
            Matcher m = AADSTS.matcher(description);
            if (m.lookingAt()) {
                return m.group();
            }
        }
        try {
            return json.array("error_codes").stream().findFirst().map(c -> "AADSTS" + JsonNumbers.text(c)).orElse(null);
        } catch (JsonFormatException e) {
            return null;
        }
    }

    private static String safe(JsonObject json, String field) {
        try {
            return json.string(field).filter(s -> !s.isBlank()).orElse(null);
        } catch (JsonFormatException e) {
            return null;
        }
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Prints a JSON number without a fraction. */
    private static final class JsonNumbers {
        static String text(Object n) {
            return n instanceof Number num ? Long.toString(num.longValue()) : String.valueOf(n);
        }
    }
}
