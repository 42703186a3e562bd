package dev.weft.processor;

import static dev.weft.processor.CompileErrors.assertOnlyError;

import org.junit.jupiter.api.Test;

/** Compile errors of route return types. */
class ReturnTypeErrorsTest {

    private static final String ALLOWED = "; a route returns void, String, byte[], a number, a boolean, Response,"
            + " or a type annotated @io.avaje.jsonb.Json (or a List of one)";

    @Test
    void objectReturnIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/thing") Object thing();
                        }
                        """),
                "Shop.thing() cannot return java.lang.Object" + ALLOWED,
                "Object thing(");
    }

    @Test
    void optionalReturnIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/name") Optional<String> name();
                        }
                        """),
                "Shop.name() cannot return java.util.Optional<java.lang.String>" + ALLOWED,
                "Optional<String> name(");
    }

    @Test
    void recordReturnWithoutJsonAnnotationIsAnErrorThatSuggestsIt() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          record Point(int x, int y) {}
                          @Get("/origin") Point origin();
                        }
                        """),
                "Shop.origin() cannot return test.Shop.Point (to send it as JSON, annotate Point with @io.avaje.jsonb.Json)",
                "Point origin(");
    }

    @Test
    void listOfStringsReturnIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/names") List<String> names();
                        }
                        """),
                "Shop.names() cannot return java.util.List<java.lang.String>",
                "List<String> names(");
    }
}
