package dev.weft.runtime.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.annotations.validation.Pattern;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Violation;
import dev.weft.runtime.internal.http.FakeRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestParametersTest {

    enum Colour { RED, GREEN }

    @Test
    void convertsEachSupportedType() {
        FakeRequest request = FakeRequest.get("/")
                .query("n", "42").query("big", "9000000000").query("x", "-1.5e3").query("f", "0.25")
                .query("on", "true").query("colour", "GREEN").header("X-Name", "Ada");
        RequestParameters params = new RequestParameters(request);
        assertEquals(42, params.query("n").required(ParamConverter.INT));
        assertEquals(9_000_000_000L, params.query("big").required(ParamConverter.LONG));
        assertEquals(-1500.0, params.query("x").required(ParamConverter.DOUBLE));
        assertEquals(0.25f, params.query("f").required(ParamConverter.FLOAT));
        assertEquals(true, params.query("on").required(ParamConverter.BOOLEAN));
        assertEquals(Colour.GREEN, params.query("colour").required(ParamConverter.ofEnum(Colour.values())));
        assertEquals("Ada", params.header("x-name").required(ParamConverter.STRING));
        params.throwIfInvalid();
    }

    /** Integer.valueOf takes "+5" and any Unicode digit: fullwidth "２" was bound as 2. */
    @Test
    void takesOnlyPlainAsciiIntegers() {
        for (String wrong : List.of("\uFF12", "\u0663", "+2", "2.0", "1e1", " 2", "", "-", "0x10", "99999999999")) {
            RequestParameters params = new RequestParameters(FakeRequest.get("/").query("n", wrong).query("big", wrong));
            params.query("n").required(ParamConverter.INT);
            params.query("big").required(ParamConverter.LONG);
            assertEquals(wrong.equals("99999999999") ? 1 : 2, params.violations().size(), wrong);
        }
        RequestParameters params = new RequestParameters(FakeRequest.get("/").query("n", "-0042").query("x", "\uFF12.5"));
        assertEquals(-42, params.query("n").required(ParamConverter.INT));
        params.query("x").required(ParamConverter.DOUBLE);
        assertEquals(List.of(new Violation("query", "x", "must be a number")), params.violations());
    }

    /** Taking the first of two values would let a cache or a filter see another value than the handler. */
    @Test
    void refusesRepeatedSingleValuedParameters() {
        RequestParameters params = new RequestParameters(FakeRequest.get("/?n=2&n=4000&tag=a&tag=b&tag=c"));
        params.query("n").min(1).max(10).required(ParamConverter.INT);
        params.query("tag").optional(ParamConverter.STRING);
        assertEquals(List.of(new Violation("query", "n", "must be given once, not 2 times"),
                new Violation("query", "tag", "must be given once, not 3 times")), params.violations());
        HttpException refused = assertThrows(HttpException.class, params::throwIfInvalid);
        assertEquals("query parameter 'n' must be given once, not 2 times (and 1 more)", refused.detail());
    }

    /** As doubles, Long.MAX_VALUE and Long.MAX_VALUE - 1 are the same number: bounds compare whole numbers exactly. */
    @Test
    void boundsCompareWholeNumbersExactly() {
        long largest = Long.MAX_VALUE;
        RequestParameters params = new RequestParameters(FakeRequest.get("/"));
        params.field("over", largest).max(largest - 1);
        params.field("under", Long.MIN_VALUE + 1).min(Long.MIN_VALUE + 2);
        params.field("bigOver", new java.math.BigInteger("9223372036854775807")).max(largest - 1);
        params.field("exact", largest).min(largest).max(largest);
        params.field("fraction", 0.5).min(1);
        params.field("fractionAbove", 1000.0001).max(1000);
        HttpException error = assertThrows(HttpException.class, params::throwIfInvalid);
        assertEquals(List.of(new Violation("body", "over", "must be at most 9223372036854775806"),
                new Violation("body", "under", "must be at least -9223372036854775806"),
                new Violation("body", "bigOver", "must be at most 9223372036854775806"),
                new Violation("body", "fraction", "must be at least 1"),
                new Violation("body", "fractionAbove", "must be at most 1000")), error.extensions().get("violations"));

        RequestParameters query = new RequestParameters(FakeRequest.get("/").query("n", Long.toString(largest)));
        query.query("n").max(largest - 1).required(ParamConverter.LONG);
        assertEquals(1, ((List<?>) assertThrows(HttpException.class, query::throwIfInvalid).extensions().get("violations"))
                .size());
    }

    @Test
    void takesDefaultsAndOptionalsWhenAbsent() {
        RequestParameters params = new RequestParameters(FakeRequest.get("/"));
        assertEquals(1L, params.query("seed").orDefault("1", ParamConverter.LONG));
        assertEquals(Optional.empty(), params.query("page").optional(ParamConverter.INT));
        params.throwIfInvalid();
        assertEquals(Optional.of(3), new RequestParameters(FakeRequest.get("/").query("page", "3"))
                .query("page").optional(ParamConverter.INT));
    }

    @Test
    void collectsEveryViolationIntoOne400() {
        FakeRequest request = FakeRequest.get("/").query("n", "abc").query("seed", "-1").query("on", "yes");
        RequestParameters params = new RequestParameters(request);
        params.query("n").min(1).max(5000).required(ParamConverter.INT);
        params.query("seed").min(0).orDefault("1", ParamConverter.LONG);
        params.query("on").required(ParamConverter.BOOLEAN);
        params.header("X-Id").required(ParamConverter.STRING);
        HttpException error = assertThrows(HttpException.class, params::throwIfInvalid);
        assertEquals(400, error.status());
        assertEquals("query parameter 'n' must be an integer from 1 to 5000 (and 3 more)", error.detail());
        assertEquals(List.of(
                new Violation("query", "n", "must be an integer from 1 to 5000"),
                new Violation("query", "seed", "must be an integer of at least 0"),
                new Violation("query", "on", "must be true or false"),
                new Violation("header", "X-Id", "is required")), error.extensions().get("violations"));
    }

    @Test
    void refusesNumbersJavaWouldTakeButClientsDoNotMean() {
        for (String text : List.of("NaN", "Infinity", "0x1p3", "1d", "1f", "1e400", "", " 1")) {
            RequestParameters params = new RequestParameters(FakeRequest.get("/").query("x", text));
            params.query("x").required(ParamConverter.DOUBLE);
            assertThrows(HttpException.class, params::throwIfInvalid, text);
        }
        for (String text : List.of("1.5", "2147483648", "", "1e3")) {
            RequestParameters params = new RequestParameters(FakeRequest.get("/").query("n", text));
            params.query("n").required(ParamConverter.INT);
            assertThrows(HttpException.class, params::throwIfInvalid, text);
        }
    }

    @Test
    void checksBoundsOfFractionalNumbersToo() {
        RequestParameters params = new RequestParameters(FakeRequest.get("/").query("x", "0.5"));
        params.query("x").min(1).required(ParamConverter.DOUBLE);
        assertEquals("query parameter 'x' must be a number of at least 1",
                assertThrows(HttpException.class, params::throwIfInvalid).detail());
    }

    @Test
    void checksStringParametersForBlanknessLengthAndPattern() {
        FakeRequest request = FakeRequest.get("/").query("name", "  ").query("code", "ab-1").query("tag", "x".repeat(9));
        RequestParameters params = new RequestParameters(request);
        params.query("name").notBlank().required(ParamConverter.STRING);
        params.query("code").pattern(java.util.regex.Pattern.compile("[a-z]+")).required(ParamConverter.STRING);
        params.query("tag").size(1, 8).required(ParamConverter.STRING);
        assertEquals(List.of(
                new Violation("query", "name", "must not be blank"),
                new Violation("query", "code", "must match [a-z]+"),
                new Violation("query", "tag", "must be from 1 to 8 characters long")),
                assertThrows(HttpException.class, params::throwIfInvalid).extensions().get("violations"));
    }

    @Test
    void checksBodyFieldsAndReportsOneViolationPerField() {
        RequestParameters params = new RequestParameters(FakeRequest.get("/"));
        params.field("item", null).notBlank().size(1, 64);
        params.field("note", "é".repeat(65)).size(1, 64);
        params.field("quantity", 0).min(1).max(1000);
        params.field("lines", List.of()).notNull().size(1, 10);
        params.field("ok", "fine").notBlank().size(1, 64);
        assertEquals(List.of(
                new Violation("body", "item", "is required"),
                new Violation("body", "note", "must be from 1 to 64 characters long"),
                new Violation("body", "quantity", "must be at least 1"),
                new Violation("body", "lines", "must have from 1 to 10 elements")),
                params.violations());
    }
}
