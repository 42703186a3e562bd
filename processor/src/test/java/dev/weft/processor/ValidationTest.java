package dev.weft.processor;

import static dev.weft.processor.Http.rejection;
import static dev.weft.processor.Http.text;
import static dev.weft.processor.Http.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.internal.http.FakeRequest;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.internal.http.Router;
import dev.weft.runtime.http.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation annotations on string parameters and on JSON body components (app/ValidatedApi.java). */
class ValidationTest {

    private static final String VALID_ORDER = "{\"customer\":\"ada\",\"lines\":[{\"sku\":\"pen\",\"quantity\":2}]}";

    private final Router validated = TestApp.get().router("app.ValidatedApiRoutes", "Validated");

    private static FakeRequest post(String target, String json) {
        return FakeRequest.of(HttpMethod.POST, target).json(json);
    }

    @Test
    void validParametersAndBodyReachTheImplementation() throws Exception {
        assertEquals("ab Optional[new] ada 1", text(validated.dispatch(post("/validated/orders?code=ab&tag=new", VALID_ORDER))));
    }

    @Test
    void stringParameterConstraintsAreViolations() {
        HttpException error = rejection(validated, post("/validated/orders?code=%20%20&tag=New1", VALID_ORDER));
        assertEquals(List.of(
                new Violation("query", "code", "must not be blank"),
                new Violation("query", "tag", "must match [a-z]+")), violations(error));
        assertEquals(List.of(new Violation("query", "code", "must be from 2 to 5 characters long")),
                violations(rejection(validated, post("/validated/orders?code=abcdef", VALID_ORDER))));
    }

    @Test
    void bodyFieldViolationsAreReportedWithParameterViolationsInOne400() {
        HttpException error = rejection(validated, post("/validated/orders?code=a",
                "{\"customer\":\" \",\"lines\":[{\"sku\":\"pen\",\"quantity\":0},{\"sku\":\"\",\"quantity\":100}],"
                        + "\"gift\":{\"sku\":\"\",\"quantity\":1}}"));
        assertEquals(400, error.status());
        assertEquals("query parameter 'code' must be from 2 to 5 characters long (and 5 more)", error.detail());
        assertEquals(List.of(
                new Violation("query", "code", "must be from 2 to 5 characters long"),
                new Violation("body", "customer", "must not be blank"),
                new Violation("body", "lines[0].quantity", "must be at least 1"),
                new Violation("body", "lines[1].sku", "must not be blank"),
                new Violation("body", "lines[1].quantity", "must be at most 99"),
                new Violation("body", "gift.sku", "must not be blank")), violations(error));
    }

    @Test
    void missingAndEmptyListComponentsAreViolations() {
        assertEquals(List.of(new Violation("body", "customer", "is required"), new Violation("body", "lines", "is required")),
                violations(rejection(validated, post("/validated/orders?code=ab", "{}"))));
        assertEquals(List.of(new Violation("body", "lines", "must have at least 1 elements")),
                violations(rejection(validated, post("/validated/orders?code=ab", "{\"customer\":\"ada\",\"lines\":[]}"))));
    }

    @Test
    void elementsOfAListBodyAreValidatedWithTheirIndex() {
        assertEquals(List.of(new Violation("body", "[1].quantity", "must be at least 1")),
                violations(rejection(validated, post("/validated/lines",
                        "[{\"sku\":\"a\",\"quantity\":1},{\"sku\":\"b\",\"quantity\":0}]"))));
    }

    /** The generated validator dereferences each element of a @Valid list, so a JSON null in it is a 500. */
    @Test
    void nullElementOfAValidatedListIsA400() {
        HttpException error = rejection(validated, post("/validated/orders?code=ab", "{\"customer\":\"ada\",\"lines\":[null]}"));
        assertEquals(List.of(new Violation("body", "lines[0]", "is required")), violations(error));
    }
}
