package dev.azid.internal.json;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.json.JsonToken;
import com.azure.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed JSON object with typed, lenient accessors: the only class in azid that touches the JSON
 * library, so that swapping it is a one-file change.
 */
public final class JsonObject {

    private static final int MAX_DEPTH = 999;
    private static final int SAFE_LONG_DIGITS = 18;

    private final Map<String, Object> fields;

    private JsonObject(Map<String, Object> fields) {
        this.fields = fields;
    }

    /**
     * Parses a JSON object.
     *
     * @param json UTF-8 JSON text
     * @return the object
     * @throws JsonFormatException if the text is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static JsonObject parse(byte[] json) {
        return new JsonObject(Collections.unmodifiableMap((Map<String, Object>) readDocument(json, false)));
    }

    /**
     * Parses a JSON object or array.
     *
     * @param json UTF-8 JSON text
     * @return a {@link JsonObject}, or a {@code List} whose object elements are {@link JsonObject}s
     * @throws JsonFormatException if the text is neither
     */
    @SuppressWarnings("unchecked")
    public static Object parseAny(byte[] json) {
        Object value = readDocument(json, true);
        if (value instanceof Map) {
            return new JsonObject(Collections.unmodifiableMap((Map<String, Object>) value));
        }
        List<Object> out = new java.util.ArrayList<>();
        for (Object o : (List<Object>) value) {
            out.add(o instanceof Map ? new JsonObject(Collections.unmodifiableMap((Map<String, Object>) o)) : o);
        }
        return Collections.unmodifiableList(out);
    }

    /** Reads one whole document: an object (or, when allowed, an array) with nothing after it. */
    private static Object readDocument(byte[] json, boolean arrayAllowed) {
        try (JsonReader reader = JsonProviders.createReader(json)) {
            JsonToken first = reader.nextToken();
            if (first != JsonToken.START_OBJECT && !(arrayAllowed && first == JsonToken.START_ARRAY)) {
                throw new JsonFormatException("expected a JSON object" + (arrayAllowed ? " or array" : "") + " but found "
                        + describe(first));
            }
            Object value = readValue(reader, 0);
            if (reader.nextToken() != JsonToken.END_DOCUMENT) {
                throw new JsonFormatException("unexpected content after the JSON " + (arrayAllowed ? "value" : "object"));
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof JsonFormatException jfe) {
                throw jfe;
            }
            // The parser's message may quote the document, which can hold a token: keep only its type.
            throw new JsonFormatException("not valid JSON (" + e.getClass().getSimpleName() + ")", null);
        } catch (StackOverflowError e) {
            throw new JsonFormatException("JSON nested too deeply", null);
        }
    }

    /**
     * Reads the current value into the types the library's {@code readUntyped} gives, without its thrown
     * and caught exception for every integer beyond {@code int} (an epoch in milliseconds, for one).
     */
    private static Object readValue(JsonReader reader, int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw new JsonFormatException("JSON nested too deeply", null);
        }
        JsonToken token = reader.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (reader.nextToken() != JsonToken.END_OBJECT) {
                String field = reader.getFieldName();
                reader.nextToken();
                map.put(field, readValue(reader, depth + 1));
            }
            return map;
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (reader.nextToken() != JsonToken.END_ARRAY) {
                list.add(readValue(reader, depth + 1));
            }
            return list;
        }
        return switch (token == null ? JsonToken.NULL : token) {
            case STRING -> reader.getString();
            case NUMBER -> number(reader.getText());
            case BOOLEAN -> reader.getBoolean();
            case NULL -> null;
            default -> throw new JsonFormatException("not valid JSON (unexpected " + describe(token) + ")", null);
        };
    }

    private static Number number(String text) {
        boolean integral = !text.endsWith("NaN") && !text.endsWith("Infinity");
        for (int i = 0; i < text.length() && integral; i++) {
            integral = text.charAt(i) != '.' && text.charAt(i) != 'e' && text.charAt(i) != 'E';
        }
        if (!integral) {
            double d = Double.parseDouble(text);
            return Double.isInfinite(d) && !text.endsWith("Infinity") ? new BigDecimal(text) : d;
        }
        if (text.length() > SAFE_LONG_DIGITS) {
            BigInteger big = new BigInteger(text);
            return big.bitLength() < Long.SIZE ? (Number) big.longValue() : big;
        }
        long v = Long.parseLong(text);
        return v == (int) v ? (Number) (int) v : (Number) v;
    }

    /**
     * Parses a JSON object from text.
     *
     * @param json JSON text
     * @return the object
     * @throws JsonFormatException if the text is not a JSON object
     */
    public static JsonObject parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(JsonToken token) {
        return token == null || token == JsonToken.END_DOCUMENT ? "nothing" : token.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Tells whether a field is present and not null.
     *
     * @param name the field
     * @return whether it is present
     */
    public boolean has(String name) {
        return fields.get(name) != null;
    }

    /**
     * A string field. Numbers and booleans are returned as their text.
     *
     * @param name the field
     * @return the value, or empty when absent or null
     * @throws JsonFormatException if the field is an object or array
     */
    public Optional<String> string(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            throw new JsonFormatException("field '" + name + "' should be a string but is "
                    + (v instanceof Map ? "an object" : "an array"));
        }
        if (v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
            return Optional.of(v.toString());
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            BigDecimal number = new BigDecimal(v.toString()).stripTrailingZeros();
            // 1e999999999 written out would be a billion digits: keep such numbers in exponent form.
            return Optional.of(Math.abs(number.scale()) > 1000 ? number.toString() : number.toPlainString());
        }
        return Optional.of(v.toString());
    }

    /**
     * An integer field, given as a JSON number or a string of digits (some endpoints quote numbers).
     *
     * @param name the field
     * @return the value, or empty when absent or null
     * @throws JsonFormatException if the value is not an integer
     */
    public Optional<Long> integer(String name) {
        Object v = fields.get(name);
        if (v instanceof Integer || v instanceof Long) {
            return Optional.of(((Number) v).longValue());
        }
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get().trim();
        try {
            return Optional.of(new BigDecimal(t).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new JsonFormatException("field '" + name + "' should be a whole number but is not", null);
        }
    }

    /**
     * An object field.
     *
     * @param name the field
     * @return the object, or empty when absent or null
     * @throws JsonFormatException if the field is not an object
     */
    @SuppressWarnings("unchecked")
    public Optional<JsonObject> object(String name) {
        return Optional.ofNullable(typed(name, Map.class, "an object")).map(m -> new JsonObject((Map<String, Object>) m));
    }

    /**
     * An array field, with elements as parsed ({@code String}, {@code Number}, {@code Boolean},
     * {@code Map}, {@code List} or {@code null}).
     *
     * @param name the field
     * @return the list, empty when absent or null
     * @throws JsonFormatException if the field is not an array
     */
    @SuppressWarnings("unchecked")
    public List<Object> array(String name) {
        List<Object> v = typed(name, List.class, "an array");
        return v == null ? List.of() : Collections.unmodifiableList(v);
    }

    /** The field as the type it should have, or {@code null} when absent or null. */
    private <T> T typed(String name, Class<T> type, String what) {
        Object v = fields.get(name);
        if (v != null && !type.isInstance(v)) {
            throw new JsonFormatException("field '" + name + "' should be " + what);
        }
        return type.cast(v);
    }

    /**
     * The fields as a map.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> asMap() {
        return fields;
    }

    /**
     * Writes a map (of strings, numbers, booleans, lists and maps) as compact JSON.
     *
     * @param value the map
     * @return the JSON text
     */
    public static String write(Map<String, ?> value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = JsonProviders.createWriter(out)) {
            writer.writeUntyped(new LinkedHashMap<>(value));
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Lists the field names only: values may be secret. */
    @Override
    public String toString() {
        return "JsonObject" + fields.keySet();
    }
}
