package dev.azid.internal.managedidentity;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.internal.io.BoundedFileReader;
import dev.azid.internal.io.FileLimit;
import dev.azid.internal.io.FileRefusedException;
import dev.azid.internal.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Azure Arc: the first request answers 401 with {@code WWW-Authenticate: Basic realm=<key file>};
 * the client reads that file and repeats the request with {@code Authorization: Basic <content>}.
 *
 * <p>Because whoever answers on the endpoint names the file, the path is checked before anything is
 * read (the 2024 elevation-of-privilege advisory): it must lie directly in the agent's token
 * directory, end in {@code .key}, be a regular file (not a symbolic link, pipe or device), and hold
 * at most 4096 bytes, read through {@link BoundedFileReader} ({@link FileLimit#ARC_KEY}): one handle,
 * capped, bounded in time. A violation is a failure.
 */
final class ArcSource implements MiSource {

    private final MiExchange exchange;
    private final String endpoint;
    private final Path tokenDirectory;
    private final BoundedFileReader files;

    ArcSource(MiExchange exchange, String endpoint, Path tokenDirectory) {
        this(exchange, endpoint, tokenDirectory, BoundedFileReader.system());
    }

    ArcSource(MiExchange exchange, String endpoint, Path tokenDirectory, BoundedFileReader files) {
        this.files = files;
        this.exchange = exchange;
        this.endpoint = endpoint;
        this.tokenDirectory = tokenDirectory.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "Azure Arc";
    }

    @Override
    public AccessToken token(String resource) {
        String url = endpoint + "?"
                + MiExchange.param("api-version=2020-06-01", "resource", resource);
        HttpRequest first = MiExchange.get(url, Map.of("Metadata", "true"));
        HttpResponse challenge = exchange.sendExpectingAnswer(name(), first);
        if (challenge.statusCode() != 401) {
            throw exchange.failure(name(), first, challenge, "Azure Arc answers the first request with a 401 challenge; "
                    + "check that IDENTITY_ENDPOINT points at the Arc agent.");
        }
        String header = challenge.header("WWW-Authenticate").orElseThrow(() -> fail("the 401 answer has no "
                + "WWW-Authenticate header"));
        String lower = header.trim().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("basic realm=") || header.trim().length() <= "basic realm=".length()) {
            throw fail("the WWW-Authenticate header is not of the form 'Basic realm=<path>'");
        }
        String key = readKey(header.trim().substring("basic realm=".length()).trim());
        HttpRequest second = first.withHeader("Authorization", "Basic " + key);
        return exchange.token(name(), second, exchange.sendExpectingAnswer(name(), second));
    }

    private String readKey(String realm) {
        Path path;
        try {
            path = Path.of(realm).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw fail("the challenge names a path that is not valid");
        }
        if (!tokenDirectory.equals(path.getParent())) {
            throw fail("the challenge names " + path + ", which is not in the Arc agent's token directory " + tokenDirectory);
        }
        if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".key")) {
            throw fail("the challenge names " + path + ", which does not end in .key");
        }
        try {
            return new String(files.read(path, FileLimit.ARC_KEY), StandardCharsets.UTF_8).trim();
        } catch (FileRefusedException e) {
            throw fail("the key file " + path + " " + e.reason());
        } catch (IOException e) {
            throw fail("the key file " + path + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private AuthenticationFailedException fail(String what) {
        // What the challenge names comes from whoever answers on the endpoint.
        return new AuthenticationFailedException(exchange.credentialName() + ": Azure Arc authentication refused: "
                + Redactor.SHAPES.firstLine(what, 500)
                + ". Check the Arc agent (azcmagent) and that IDENTITY_ENDPOINT points at it.");
    }

    @Override
    public String toString() {
        return "ArcSource[" + endpoint + "]";
    }
}
