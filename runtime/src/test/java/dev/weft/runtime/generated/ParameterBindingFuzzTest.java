package dev.weft.runtime.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Violation;
import dev.weft.runtime.internal.http.FakeRequest;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fuzzes parameter binding as generated code does it: a query string of the client's choice,
 * bound to int, long, double, boolean, enum and optional parameters with bounds. Whatever the
 * text, binding either yields values that are exactly what the text says and within their bounds,
 * or one 400 listing violations; nothing else is thrown.
 *
 * <p>Seeds in src/test/resources/dev/weft/runtime/generated/ParameterBindingFuzzTestInputs/; to
 * fuzz: {@code JAZZER_FUZZ=1 mvn -pl runtime test -Dtest=ParameterBindingFuzzTest} (see README).
 */
class ParameterBindingFuzzTest {

    enum Colour { RED, GREEN }

    private static final Pattern PLAIN_INTEGER = Pattern.compile("-?[0-9]+");
    private static final ParamConverter<Colour> COLOUR = ParamConverter.ofEnum(Colour.values());

    @FuzzTest(maxDuration = "10s")
    void bindsOrRejects(FuzzedDataProvider data) {
        String query = data.consumeRemainingAsString();
        FakeRequest request;
        try {
            request = FakeRequest.get("/r?" + query);
        } catch (IllegalArgumentException notPercentEncoded) {
            return;  // the test's own decoder; the server answers these 400 before binding (see HttpHeadFuzzTest)
        }
        RequestParameters params = new RequestParameters(request);
        int n = params.query("n").min(1).max(5000).orDefault("7", ParamConverter.INT);
        long seed = params.query("seed").min(0).max(4_294_967_295L).orDefault("1", ParamConverter.LONG);
        double x = params.query("x").orDefault("0.5", ParamConverter.DOUBLE);
        boolean on = params.query("on").orDefault("false", ParamConverter.BOOLEAN);
        Colour colour = params.query("colour").orDefault("RED", COLOUR);
        Optional<Integer> limit = params.query("limit").min(-10).max(10).optional(ParamConverter.INT);
        try {
            params.throwIfInvalid();
        } catch (HttpException e) {
            assertEquals(400, e.status());
            List<Violation> violations = params.violations();
            assertFalse(violations.isEmpty());
            violations.forEach(v -> assertEquals("query", v.in()));
            return;
        }
        assertTrue(n >= 1 && n <= 5000);
        assertTrue(seed >= 0 && seed <= 4_294_967_295L);
        assertTrue(Double.isFinite(x));
        limit.ifPresent(value -> assertTrue(value >= -10 && value <= 10));
        exactly(request, "n", n);
        exactly(request, "seed", seed);
        limit.ifPresent(value -> exactly(request, "limit", value));
        String onText = request.query("on");
        assertTrue(onText == null || onText.equals(Boolean.toString(on)));
        String colourText = request.query("colour");
        assertTrue(colourText == null || colourText.equals(colour.name()));
    }

    /** A bound integer was given once, as ASCII digits, and is the number they write. */
    private static void exactly(FakeRequest request, String name, long value) {
        List<String> given = request.queryValues(name);
        if (given.isEmpty()) {
            return;
        }
        assertEquals(1, given.size(), name + " given more than once was bound: " + given);
        String text = given.get(0);
        assertTrue(PLAIN_INTEGER.matcher(text).matches(), name + "=" + text + " is not plain digits, yet bound to " + value);
        assertEquals(new BigInteger(text), BigInteger.valueOf(value), name + "=" + text);
    }
}
