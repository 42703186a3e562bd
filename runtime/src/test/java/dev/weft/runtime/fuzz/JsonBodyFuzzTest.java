package dev.weft.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.runtime.generated.RequestParameters;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Violation;
import dev.weft.runtime.internal.http.FakeRequest;
import dev.weft.runtime.internal.json.JsonCodec;
import io.avaje.jsonb.Json;
import io.avaje.jsonb.JsonType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fuzzes JSON body binding with constraints, as generated code does it: the body read into a
 * record of every integer width, a double, a nested list and a free-form map, then its fields
 * checked against bounds. Whatever the body, the outcome is a value whose numbers are exactly
 * what the JSON wrote and within their bounds, or a 400 whose violations name fields; never
 * another exception, a stack overflow, or a wrapped number.
 *
 * <p>To fuzz: {@code JAZZER_FUZZ=1 mvn -pl runtime test -Dtest=JsonBodyFuzzTest} (runtime/README.md).
 */
class JsonBodyFuzzTest {

    @Json
    record Line(String name, int count) {}

    @Json
    record Order(String item, int quantity, Long total, short small, byte tiny, double price, List<Line> lines,
            Map<String, Object> extra) {}

    private static final JsonType<Order> ORDER = JsonCodec.type(Order.class);
    private static final Pattern PLAIN_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    /** Free-form bodies: anything at all. */
    @FuzzTest(maxDuration = "10s")
    void readsAnyBodyOrAnswers400(byte[] body) {
        RequestParameters params = new RequestParameters(FakeRequest.get("/"));
        Order order;
        try {
            order = JsonCodec.readBody(ORDER, body);
        } catch (HttpException e) {
            assertEquals(400, e.status());
            assertTrue(e.detail().length() < 1_000, e.detail());
            return;
        }
        validate(params, order);
        if (!params.violations().isEmpty()) {
            params.violations().forEach(v -> assertEquals("body", v.in()));
            return;
        }
        assertTrue(order.quantity() >= 1 && order.quantity() <= 1000);
    }

    /** One number, as text of the fuzzer's choice, in an int field: bound exactly or refused naming the field. */
    @FuzzTest(maxDuration = "10s")
    void bindsIntegersExactly(FuzzedDataProvider data) {
        String field = data.pickValue(List.of("quantity", "total", "small", "tiny", "lines"));
        // Characters that can write or resemble a number; brackets and quotes are the other test's.
        char[] alphabet = "0123456789-+.eExX \u0663\uFF12nul".toCharArray();
        StringBuilder text = new StringBuilder();
        while (data.remainingBytes() > 0 && text.length() < 40) {
            text.append(alphabet[data.consumeInt(0, alphabet.length - 1)]);
        }
        String number = text.toString();
        String json = field.equals("lines")
                ? "{\"item\":\"tea\",\"quantity\":5,\"lines\":[{\"name\":\"a\",\"count\":1},{\"count\":" + number + "}]}"
                : "{\"item\":\"tea\",\"quantity\":5,\"" + field + "\":" + number + "}";
        Order order;
        try {
            order = JsonCodec.readBody(ORDER, json.getBytes(StandardCharsets.UTF_8));
        } catch (HttpException e) {
            assertEquals(400, e.status(), e.detail());
            if (e.extensions().get("violations") instanceof List<?> violations) {
                Violation violation = (Violation) violations.get(0);
                assertEquals(field.equals("lines") ? "lines[1].count" : field, violation.field(), e.detail());
            }
            return;
        }
        long bound = switch (field) {
            case "quantity" -> order.quantity();
            case "total" -> order.total() == null ? Long.MIN_VALUE : order.total();
            case "small" -> order.small();
            case "tiny" -> order.tiny();
            default -> order.lines().get(1).count();
        };
        String trimmed = number.strip();
        if (trimmed.equals("null") && field.equals("total")) {
            return;
        }
        // What was accepted is an integer in plain form, and the number it writes.
        if (!PLAIN_INTEGER.matcher(trimmed).matches() && !trimmed.matches("-?0[0-9]+")) {
            fail(field + ": " + number + " was accepted as " + bound);
        }
        assertEquals(new BigInteger(trimmed), BigInteger.valueOf(bound), field + ": " + number);
    }

    /** What the processor generates for Order's constraints: quantity @Min(1) @Max(1000), lines' counts @Min(0). */
    private static void validate(RequestParameters params, Order order) {
        params.field("item", order.item()).notBlank();
        params.field("quantity", order.quantity()).min(1).max(1000);
        if (order.lines() != null) {
            for (int i = 0; i < order.lines().size(); i++) {
                Line line = order.lines().get(i);
                if (line == null) {
                    params.reject(new Violation("body", "lines[" + i + "]", "is required"));
                } else {
                    params.field("lines[" + i + "].count", line.count()).min(0);
                }
            }
        }
        assertFalse(params.violations().stream().anyMatch(v -> v.field() == null));
    }
}
