package dev.weft.runtime.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Violation;
import io.avaje.jsonb.JsonType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    private final JsonType<Double> doubles = JsonCodec.type(Double.class);

    /** avaje-jsonb alone reads this as 1990844.2641906103; a matmul checksum must survive JSON. */
    /** A record without {@code @Json}: avaje-jsonb's generator writes it no adapter, as when the generator is missing. */
    record Unannotated(String name) {}

    @Test
    void aTypeWithoutGeneratedAdapterFailsNamingTheFix() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JsonCodec.type(Unannotated.class));
        assertTrue(e.getMessage().startsWith("no JSON adapter for " + Unannotated.class.getName()
                + ": avaje-jsonb's generator did not write one at compile time."), e.getMessage());
        assertTrue(e.getMessage().contains("io.avaje:avaje-jsonb-generator on the annotation processor path"), e.getMessage());
    }

    @Test
    void readsDoublesCorrectlyRounded() {
        assertEquals(1990844.2641906105, doubles.fromJson("1990844.2641906105"));
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            double value = i % 2 == 0 ? random.nextDouble() * 1e7 : Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                assertEquals(value, doubles.fromJson(Double.toString(value)));
                assertEquals(value, Double.parseDouble(doubles.toJson(value)));
            }
        }
    }

    @Test
    void readsNullAsNullForBoxesAndWritesFloatsInTheirShortForm() {
        assertNull(JsonCodec.listType(Double.class).fromJson("[null]").get(0));
        assertEquals(0.1f, JsonCodec.type(Float.class).fromJson("0.1"));
        assertEquals("0.1", JsonCodec.type(Float.class).toJson(0.1f));
        assertEquals(List.of(1.5, 2.0), JsonCodec.listType(Double.class).fromJson("[1.5, 2]"));
    }

    @Test
    void refusesMalformedBodiesWith400() {
        HttpException malformed = assertThrows(HttpException.class,
                () -> JsonCodec.readBody(doubles, "[1,".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, malformed.status());
        assertEquals(400, assertThrows(HttpException.class, () -> JsonCodec.readBody(doubles, new byte[0])).status());
        assertEquals(400, assertThrows(HttpException.class,
                () -> JsonCodec.readBody(doubles, "null".getBytes(StandardCharsets.UTF_8))).status());
    }

    /** avaje alone reads 4294967297 into an int as 1, and 1.5 as 1. */
    @Test
    void readsIntegersOnlyWhenTheyFitAndAreWrittenAsIntegers() {
        JsonType<List<Integer>> ints = JsonCodec.listType(Integer.class);
        assertEquals(List.of(-2147483648, 2147483647, 0, 7), JsonCodec.readBody(ints, bytes("[-2147483648, 2147483647, -0, 7]")));
        assertEquals(List.of(9223372036854775807L), JsonCodec.readBody(JsonCodec.listType(Long.class), bytes("[9223372036854775807]")));
        for (String wrong : List.of("4294967297", "2147483648", "-2147483649", "1.5", "1.0", "1e3", "1E0", "\"2\"", "true",
                "18446744073709551619")) {
            HttpException refused = assertThrows(HttpException.class, () -> JsonCodec.readBody(ints, bytes("[1, " + wrong + "]")),
                    wrong);
            assertEquals(400, refused.status());
            assertEquals(List.of(new Violation("body", "[1]", "must be an integer from -2147483648 to 2147483647")),
                    refused.extensions().get("violations"), wrong);
        }
        HttpException tooLong = assertThrows(HttpException.class,
                () -> JsonCodec.readBody(JsonCodec.listType(Long.class), bytes("[9223372036854775808]")));
        assertEquals("body field '[0]' must be an integer from -9223372036854775808 to 9223372036854775807", tooLong.detail());
        assertEquals(List.of((short) -32768), JsonCodec.readBody(JsonCodec.listType(Short.class), bytes("[-32768]")));
        assertEquals(400, assertThrows(HttpException.class,
                () -> JsonCodec.readBody(JsonCodec.listType(Byte.class), bytes("[128]"))).status());
        assertNull(JsonCodec.readBody(ints, bytes("[null]")).get(0));
    }

    /** 10,000 levels overflowed avaje's recursive reader: a 500 with 70 KB of stack trace. */
    @Test
    void refusesJsonNestedDeeperThanTheLimitBeforeParsing() {
        JsonType<Object> any = JsonCodec.type(Object.class);
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        HttpException refused = assertThrows(HttpException.class, () -> JsonCodec.readBody(any, bytes(deep)));
        assertEquals(400, refused.status());
        assertEquals("body must not nest arrays and objects more than 128 levels deep", refused.detail());
        String atLimit = "[".repeat(JsonCodec.MAX_DEPTH) + "]".repeat(JsonCodec.MAX_DEPTH);
        JsonCodec.readBody(any, bytes(atLimit));
        // Brackets inside strings, escaped quotes included, are text.
        String text = "[\"" + "[{\\\"".repeat(1_000) + "\"]";
        assertEquals(1, ((List<?>) JsonCodec.readBody(any, bytes(text))).size());
        assertTrue(JsonCodec.isTooDeep(JsonCodec.structureProblem(bytes("[[[]]]"), 2)));
    }

    /** Found by JsonBodyFuzzTest: avaje took {"n":0]} as {"n":0}, and threw ArrayIndexOutOfBounds on an open string. */
    @Test
    void refusesMismatchedBracketsAndOpenStringsBeforeParsing() {
        JsonType<Object> any = JsonCodec.type(Object.class);
        for (String wrong : List.of("{\"n\":0]}", "[1}", "]", "{\"a\":[1]", "{\"item\":\"tm\u00e9,v", "[\"\\\"]")) {
            HttpException refused = assertThrows(HttpException.class, () -> JsonCodec.readBody(any, bytes(wrong)), wrong);
            assertEquals(400, refused.status(), wrong);
            assertTrue(refused.detail().startsWith("malformed JSON body: "), refused.detail());
        }
        assertEquals(List.of("]", "{\"}"), JsonCodec.readBody(any, bytes("[\"]\", \"{\\\"}\"]")));
        assertThrows(HttpException.class, () -> JsonCodec.readBody(any, new byte[] {'{', '"', 'a', (byte) 0xA2, ',', 'v'}));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesTreesInInsertionOrder() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("status", 400);
        tree.put("detail", "say \"hi\"");
        tree.put("list", List.of(1, true));
        assertEquals("{\"status\":400,\"detail\":\"say \\\"hi\\\"\",\"list\":[1,true]}",
                new String(JsonCodec.writeTree(tree), StandardCharsets.UTF_8));
    }
}
