package dev.weft.runtime.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.runtime.http.HttpException;
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
