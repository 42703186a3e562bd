package dev.weft.processor;

import static dev.weft.processor.Http.rejection;
import static dev.weft.processor.Http.text;
import static dev.weft.processor.Http.violations;
import static dev.weft.runtime.internal.http.FakeRequest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Violation;
import dev.weft.runtime.internal.http.Router;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invalid parameters answer one 400 listing every violation (app/ParamsApi.java). */
class ParameterValidationTest {

    private final Router params = TestApp.get().router("app.ParamsApiRoutes", "Params");

    @Test
    void everyMalformedQueryParameterIsReportedInOne400() {
        HttpException error = rejection(params, get("/params/query?n=x&f=abc&opt=1.5&color=BLUE&flag=maybe"));
        assertEquals(400, error.status());
        assertEquals("query parameter 'n' must be an integer (and 4 more)", error.detail());
        assertEquals(List.of(
                new Violation("query", "n", "must be an integer"),
                new Violation("query", "f", "must be a number"),
                new Violation("query", "opt", "must be an integer"),
                new Violation("query", "color", "must be one of RED, GREEN"),
                new Violation("query", "flag", "must be true or false")), violations(error));
    }

    @Test
    void missingRequiredQueryParametersAreViolations() {
        HttpException error = rejection(params, get("/params/query"));
        assertEquals(400, error.status());
        assertEquals("query parameter 'n' is required (and 1 more)", error.detail());
        assertEquals(List.of(new Violation("query", "n", "is required"), new Violation("query", "f", "is required")),
                violations(error));
    }

    @Test
    void malformedPathVariablesAreViolations() {
        HttpException error = rejection(params, get("/params/path/1.5/1/x/yes/RED"));
        assertEquals(List.of(
                new Violation("path", "i", "must be an integer"),
                new Violation("path", "d", "must be a number"),
                new Violation("path", "b", "must be true or false")), violations(error));
    }

    @Test
    void missingRequiredHeaderIsAViolation() {
        HttpException error = rejection(params, get("/params/header"));
        assertEquals(400, error.status());
        assertEquals("header parameter 'X-Count' is required", error.detail());
        assertEquals(List.of(new Violation("header", "X-Count", "is required")), violations(error));
    }

    @Test
    void valuesOnTheBoundsAreAccepted() throws Exception {
        assertEquals("n=1 x=Optional[0.0] big=4294967295", text(params.dispatch(get("/params/bounded?n=1&x=0"))));
        assertEquals("n=10 x=Optional.empty big=0", text(params.dispatch(get("/params/bounded?n=10&big=0"))));
    }

    @Test
    void valuesOutsideMinAndMaxAreViolations() {
        HttpException error = rejection(params, get("/params/bounded?n=11&x=-0.5&big=4294967296"));
        assertEquals(400, error.status());
        assertEquals(List.of(
                new Violation("query", "n", "must be an integer from 1 to 10"),
                new Violation("query", "x", "must be a number of at least 0"),
                new Violation("query", "big", "must be an integer of at most 4294967295")), violations(error));
    }

    @Test
    void valueBelowMinIsAViolation() {
        assertEquals(List.of(new Violation("query", "n", "must be an integer from 1 to 10")),
                violations(rejection(params, get("/params/bounded?n=0"))));
    }
}
