package dev.weft.processor;

import static dev.weft.processor.Http.rejection;
import static dev.weft.processor.Http.text;
import static dev.weft.processor.Http.violations;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.internal.http.FakeRequest;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.internal.http.Router;
import dev.weft.runtime.http.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated handlers read bytes, text and JSON bodies (app/BodiesApi.java). */
class RequestBodyTest {

    private final Router bodies = TestApp.get().router("app.BodiesApiRoutes", "Bodies");

    private static FakeRequest post(String target) {
        return FakeRequest.of(HttpMethod.POST, target);
    }

    @Test
    void bytesBodyArrivesAsSent() throws Exception {
        Response response = bodies.dispatch(post("/bodies/bytes").body(new byte[] {1, 2, (byte) 0xff}));
        assertArrayEquals(new byte[] {(byte) 0xff, 2, 1}, response.body());
        assertEquals(Response.OCTET_STREAM, response.contentType());
    }

    @Test
    void textBodyIsDecodedAsUtf8() throws Exception {
        assertEquals("ÉTÉ", text(bodies.dispatch(post("/bodies/text").body("été"))));
    }

    @Test
    void jsonBodyIsParsedIntoTheRecord() throws Exception {
        Response response = bodies.dispatch(FakeRequest.of(HttpMethod.PUT, "/bodies/item")
                .json("{\"name\":\"pen\",\"quantity\":2}"));
        assertEquals("{\"name\":\"pen\",\"quantity\":3}", text(response));
        assertEquals(Response.JSON, response.contentType());
    }

    @Test
    void jsonListBodyIsParsedIntoAList() throws Exception {
        assertEquals("5", text(bodies.dispatch(post("/bodies/items")
                .json("[{\"name\":\"a\",\"quantity\":1},{\"name\":\"b\",\"quantity\":4}]"))));
    }

    @Test
    void malformedJsonIsA400() {
        HttpException error = rejection(bodies, FakeRequest.of(HttpMethod.PUT, "/bodies/item").json("{\"name\":"));
        assertEquals(400, error.status());
        assertTrue(error.detail().startsWith("malformed JSON body"), error.detail());
    }

    @Test
    void emptyJsonBodyIsA400() {
        HttpException error = rejection(bodies, FakeRequest.of(HttpMethod.PUT, "/bodies/item").json(""));
        assertEquals(400, error.status());
        assertEquals("the request body is empty; a JSON document is required", error.detail());
    }

    @Test
    void jsonBodyWithoutJsonContentTypeIsA415() {
        HttpException error = rejection(bodies, FakeRequest.of(HttpMethod.PUT, "/bodies/item")
                .header("Content-Type", "text/plain").body("{\"name\":\"pen\",\"quantity\":2}"));
        assertEquals(415, error.status());
    }

    @Test
    void jsonContentTypeWithParametersOrSuffixIsAccepted() throws Exception {
        String item = "{\"name\":\"pen\",\"quantity\":2}";
        bodies.dispatch(FakeRequest.of(HttpMethod.PUT, "/bodies/item")
                .header("Content-Type", "application/json; charset=UTF-8").body(item));
        bodies.dispatch(FakeRequest.of(HttpMethod.PUT, "/bodies/item")
                .header("Content-Type", "application/vnd.item+json").body(item));
    }

    @Test
    void parameterViolationsAreReportedWhenTheBodyIsValid() {
        HttpException error = rejection(bodies,
                FakeRequest.of(HttpMethod.PATCH, "/bodies/checked?n=x").json("{\"name\":\"pen\",\"quantity\":2}"));
        assertEquals(List.of(new Violation("query", "n", "must be an integer")), violations(error));
    }

    /** Both wrong: the one 400 lists the parameter's violation and the body's problem. */
    @Test
    void aMalformedBodyJoinsTheParameterViolations() {
        HttpException error = rejection(bodies, FakeRequest.of(HttpMethod.PATCH, "/bodies/checked?n=x").json("{\"name\":"));
        assertEquals(400, error.status());
        assertEquals("query parameter 'n' must be an integer (and 1 more)", error.detail());
        assertEquals(List.of(new Violation("query", "n", "must be an integer"),
                new Violation("body", "", "malformed JSON body: " + malformedDetail())), violations(error));
    }

    /** Alone, a malformed body is the 400 it always was; a body of the wrong type stays a 415. */
    @Test
    void aMalformedBodyAloneOrOfTheWrongTypeKeepsItsOwnAnswer() {
        HttpException alone = rejection(bodies, FakeRequest.of(HttpMethod.PATCH, "/bodies/checked?n=3").json("{\"name\":"));
        assertEquals("malformed JSON body: " + malformedDetail(), alone.detail());
        assertEquals(null, violations(alone));
        HttpException untyped = rejection(bodies, FakeRequest.of(HttpMethod.PATCH, "/bodies/checked?n=x")
                .header("Content-Type", "text/plain").body("{}"));
        assertEquals(415, untyped.status());
    }

    /** What the JSON reader says of {@code {"name":}}. */
    private String malformedDetail() {
        String detail = rejection(bodies, FakeRequest.of(HttpMethod.PUT, "/bodies/item").json("{\"name\":")).detail();
        return detail.substring("malformed JSON body: ".length());
    }
}
