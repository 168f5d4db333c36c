package dev.azid.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JsonObject's own reading of values: the same values and types as the library's readUntyped, numbers included. */
class JsonObjectTest {

    private static Object library(String json) throws Exception {
        try (JsonReader reader = JsonProviders.createReader(json.getBytes(StandardCharsets.UTF_8))) {
            reader.nextToken();
            return reader.readUntyped();
        }
    }

    private static void sameAsLibrary(String json) throws Exception {
        Map<String, Object> ours = JsonObject.parse(json).asMap();
        assertThat(ours).as(json).isEqualTo(library(json));
        Map<?, ?> theirs = (Map<?, ?>) library(json);
        for (Map.Entry<String, Object> e : ours.entrySet()) {
            Object t = theirs.get(e.getKey());
            assertThat(e.getValue() == null ? null : e.getValue().getClass()).as(json + " field " + e.getKey())
                    .isEqualTo(t == null ? null : t.getClass());
        }
    }

    @Test
    void parse_numbersOfEveryRange_sameValuesAndTypesAsTheLibrary() throws Exception {
        sameAsLibrary("{\"zero\":0,\"minusZero\":-0,\"int\":2147483647,\"intMin\":-2147483648,\"pastInt\":2147483648,"
                + "\"belowInt\":-2147483649,\"epochMillis\":1795000000123,\"long\":9223372036854775807,"
                + "\"longMin\":-9223372036854775808,\"pastLong\":9223372036854775808,\"huge\":123456789012345678901234567890,"
                + "\"eighteen\":999999999999999999,\"nineteen\":1000000000000000000,\"minusNineteen\":-999999999999999999}");
        sameAsLibrary("{\"half\":1.5,\"exp\":1e3,\"EXP\":2E-3,\"neg\":-0.25,\"big\":1e400,\"tiny\":1e-400,\"zero\":0.0}");
    }

    @Test
    void parse_nestedValues_sameAsTheLibrary() throws Exception {
        sameAsLibrary("{\"s\":\"x\\u00e9\\\"y\",\"t\":true,\"f\":false,\"n\":null,\"a\":[1,\"two\",[3.5,{\"k\":null}],{}],"
                + "\"o\":{\"inner\":{\"deep\":[1795000000123]}},\"dup\":1,\"dup\":2,\"empty\":[]}");
    }

    @Test
    void integer_epochInMilliseconds_exactLong() {
        JsonObject doc = JsonObject.parse("{\"expiresAt\":1795000000123,\"small\":42,\"quoted\":\"17\",\"float\":2.0}");

        assertThat(doc.asMap().get("expiresAt")).isInstanceOf(Long.class);
        assertThat(doc.integer("expiresAt")).contains(1_795_000_000_123L);
        assertThat(doc.integer("small")).contains(42L);
        assertThat(doc.integer("quoted")).contains(17L);
        assertThat(doc.integer("float")).contains(2L);
        assertThat(doc.integer("absent")).isEmpty();
    }

    @Test
    void parse_bigIntegerBeyondLong_keptExactAndRefusedAsAnInteger() {
        JsonObject doc = JsonObject.parse("{\"n\":92233720368547758070}");

        assertThat(doc.asMap().get("n")).isEqualTo(new BigInteger("92233720368547758070"));
        assertThatThrownBy(() -> doc.integer("n")).isInstanceOf(JsonFormatException.class).hasMessageContaining("'n'");
    }

    @Test
    void parse_numberBeyondDouble_keptAsBigDecimal() {
        assertThat(JsonObject.parse("{\"x\":1e400}").asMap().get("x")).isEqualTo(new BigDecimal("1e400"));
        assertThat(JsonObject.parse("{\"x\":1e400}").string("x")).contains("1" + "0".repeat(400));
    }

    @Test
    void parse_nestedAsDeepAsTheLibraryRefuses_refusedAsTooDeep() {
        String deep = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";

        assertThatThrownBy(() -> JsonObject.parse(deep)).isInstanceOf(JsonFormatException.class)
                .hasMessageContaining("nested too deeply");
        assertThat(JsonObject.parse("{\"a\":" + "[".repeat(998) + "]".repeat(998) + "}").has("a")).isTrue();
    }

    @Test
    void parseAny_arrayOfObjects_elementsAreJsonObjects() {
        Object any = JsonObject.parseAny("[{\"k\":1795000000123},7]".getBytes(StandardCharsets.UTF_8));

        assertThat(any).isInstanceOf(List.class);
        assertThat(((JsonObject) ((List<?>) any).get(0)).integer("k")).contains(1_795_000_000_123L);
        assertThat(((List<?>) any).get(1)).isEqualTo(7);
    }

    @Test
    void parse_truncatedOrTrailingContent_refusedWithoutQuotingTheDocument() {
        assertThatThrownBy(() -> JsonObject.parse("{\"token\":\"secret-value\",\"n\":1795000000123"))
                .isInstanceOf(JsonFormatException.class).hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> JsonObject.parse("{\"a\":1} {\"b\":2}")).isInstanceOf(JsonFormatException.class)
                .hasMessageContaining("after the JSON");
    }
}
