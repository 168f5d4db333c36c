package dev.azid.azure.identity.migration;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Reads the claims of a token the emulator signed, so tests assert who and what a token is for. */
final class Jwt {

    private Jwt() {
    }

    /**
     * The payload's claims; the signature is the emulator's business.
     *
     * @param token the JWT
     * @return the claims
     */
    static Map<String, Object> claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a JWT: " + parts.length + " parts");
        }
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        try (JsonReader reader = JsonProviders.createReader(new String(payload, StandardCharsets.UTF_8))) {
            return reader.readMap(JsonReader::readUntyped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
