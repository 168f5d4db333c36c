package dev.azid.cli;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.json.JsonToken;
import com.azure.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** JSON for the command's output and for reading token payloads. */
final class CliJson {

    private CliJson() {
    }

    static String write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter w = JsonProviders.createWriter(out)) {
            w.writeUntyped(value);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(byte[] json) {
        try (JsonReader r = JsonProviders.createReader(json)) {
            if (r.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return (Map<String, Object>) r.readUntyped();
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
    }
}
