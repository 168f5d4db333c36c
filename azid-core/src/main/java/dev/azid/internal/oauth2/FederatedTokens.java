package dev.azid.internal.oauth2;

import dev.azid.AuthenticationFailedException;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.internal.http.HttpPipeline;
import dev.azid.internal.io.BoundedFileReader;
import dev.azid.internal.io.FileLimit;
import dev.azid.internal.io.FileRefusedException;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.util.Uris;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** Where federated (OIDC) tokens come from: a projected token file, or a CI system's token endpoint. */
public final class FederatedTokens {

    /** A token file is read again when the copy in memory is older than this. */
    public static final Duration FILE_MAX_AGE = Duration.ofMinutes(5);

    private FederatedTokens() {
    }

    /**
     * A supplier that reads a token file, re-reading it when the last read is older than
     * {@link #FILE_MAX_AGE} so rotated projected tokens are picked up.
     *
     * @param credentialName the credential, for messages
     * @param file the file
     * @param clock decides the age
     * @return the supplier
     */
    public static Supplier<String> file(String credentialName, Path file, Clock clock) {
        return file(credentialName, BoundedFileReader.system(), file, clock);
    }

    /**
     * A supplier that reads a token file through the given reader: a regular file (a link to one is
     * followed, as Kubernetes projects them) of at most 64 KiB ({@link FileLimit#FEDERATED_TOKEN}).
     *
     * @param credentialName the credential, for messages
     * @param files reads the file
     * @param file the file
     * @param clock decides the age
     * @return the supplier
     */
    public static Supplier<String> file(String credentialName, BoundedFileReader files, Path file, Clock clock) {
        return new Supplier<>() {
            private String value;
            private long readAt;

            @Override
            public synchronized String get() {
                long now = clock.millis();
                if (value == null || now - readAt >= FILE_MAX_AGE.toMillis()) {
                    value = read(credentialName, files, file);
                    readAt = now;
                }
                return value;
            }
        };
    }

    private static String read(String credentialName, BoundedFileReader files, Path file) {
        try {
            String text = new String(files.read(file, FileLimit.FEDERATED_TOKEN), StandardCharsets.UTF_8).trim();
            if (text.isEmpty()) {
                throw new AuthenticationFailedException(credentialName + ": the federated token file " + file + " is empty. "
                        + "Check that the service account token is projected into the pod (azure.workload.identity/use: \"true\").");
            }
            return text;
        } catch (FileRefusedException e) {
            throw new AuthenticationFailedException(credentialName + ": the federated token file " + file + " " + e.reason()
                    + ". Check AZURE_FEDERATED_TOKEN_FILE: it must name the projected service account token file.");
        } catch (NoSuchFileException e) {
            throw new AuthenticationFailedException(credentialName + ": the federated token file " + file + " does not exist. "
                    + "Check AZURE_FEDERATED_TOKEN_FILE and that the token volume is mounted.");
        } catch (IOException e) {
            throw new AuthenticationFailedException(credentialName + ": the federated token file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "). Check its permissions.");
        }
    }

    /**
     * Fetches an OIDC token from a CI system and returns one string field of its JSON answer.
     *
     * @param credentialName the credential, for messages
     * @param pipeline sends with retries
     * @param request the request (carrying a bearer that must never be echoed)
     * @param field the JSON field holding the token
     * @param system the CI system's name, for messages
     * @return the token
     */
    public static String fetch(String credentialName, HttpPipeline pipeline, HttpRequest request, String field, String system) {
        HttpResponse response;
        // The answer may echo the request's bearer token.
        Redactor redactor = Redactor.SHAPES.forRequest(request);
        try {
            response = pipeline.send(request);
        } catch (IOException e) {
            throw new AuthenticationFailedException(credentialName + ": " + system + " did not answer the OIDC token request "
                    + request.method() + " " + Uris.redact(request.uri()) + " (" + e.getClass().getSimpleName() + ").",
                    redactor.cause(e));
        }
        if (!response.isSuccess()) {
            throw new AuthenticationFailedException(credentialName + ": " + system + " refused the OIDC token request "
                    + request.method() + " " + Uris.redact(request.uri()) + " with HTTP " + response.statusCode() + ": "
                    + redactor.excerpt(response.bodyText())
                    + ". Check the pipeline's permissions to request ID tokens and the service connection.");
        }
        try {
            return JsonObject.parse(response.body()).string(field).filter(s -> !s.isBlank())
                    .orElseThrow(() -> new AuthenticationFailedException(credentialName + ": " + system
                            + "'s OIDC answer has no '" + field + "'."));
        } catch (JsonFormatException e) {
            throw new AuthenticationFailedException(credentialName + ": " + system + "'s OIDC answer is not JSON ("
                    + e.getMessage() + ").");
        }
    }
}
