package dev.weft.processor;

import static dev.weft.processor.CompileErrors.assertError;
import static dev.weft.processor.CompileErrors.assertOnlyError;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Compile errors of route parameters: where their values come from, and which types they may have. */
class ParameterErrorsTest {

    @Test
    void parameterWithoutSourceAnnotationIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/search")
                          String search(String text);
                        }
                        """),
                "parameter 'text' of Shop.search(String) needs @PathParam, @QueryParam, @HeaderParam or @Body",
                "String search(");
    }

    @Test
    void parameterWithTwoSourceAnnotationsIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/search")
                          String search(@QueryParam("q") String q,
                              @QueryParam("text") @HeaderParam("X-Text") String text);
                        }
                        """),
                "parameter 'text' of Shop.search(String, String) takes only one of @PathParam, @QueryParam, @HeaderParam and @Body",
                "String text)");
    }

    @Test
    void twoBodiesAreAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Post("/upload")
                          String upload(@Body String text, @Body byte[] bytes);
                        }
                        """),
                "Shop.upload(String, byte[]) has more than one @Body parameter",
                "String upload(");
    }

    @Test
    void optionalPathParameterIsAnError() {
        JavaFileObject source = Sources.weft("Shop", """
                @Api
                public interface Shop {
                  @Get("/items/{id}")
                  String item(@PathParam("id") Optional<String> id);
                }
                """);
        assertError(source,
                "parameter 'id' of Shop.item(Optional<String>): a path parameter cannot be java.util.Optional<java.lang.String>;"
                        + " use String, int, long, float, double, boolean, their boxes, or an enum",
                "Optional<String> id");
    }

    @Test
    void unsupportedPathParameterTypeIsTheOnlyError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/items/{id}")
                          String item(@PathParam("id") Optional<String> id);
                        }
                        """),
                "a path parameter cannot be java.util.Optional<java.lang.String>",
                "Optional<String> id");
    }

    @Test
    void listQueryParameterIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/search")
                          String search(
                              @QueryParam("tag") List<String> tags);
                        }
                        """),
                "parameter 'tags' of Shop.search(List<String>): a query parameter cannot be java.util.List<java.lang.String>;"
                        + " use String, int, long, float, double, boolean, their boxes, an enum, or an Optional of one",
                "List<String> tags");
    }

    @Test
    void bytesHeaderParameterIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/search")
                          String search(
                              @HeaderParam("X-Key") byte[] key);
                        }
                        """),
                "parameter 'key' of Shop.search(byte[]): a header parameter cannot be byte[]",
                "byte[] key");
    }

    @Test
    void objectBodyIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Post("/things")
                          String create(
                              @Body Object thing);
                        }
                        """),
                "parameter 'thing' of Shop.create(Object): a body cannot be java.lang.Object;"
                        + " use byte[], String, or a type annotated @io.avaje.jsonb.Json (or a List of one)",
                "Object thing");
    }

    @Test
    void recordBodyWithoutJsonAnnotationIsAnErrorThatSuggestsIt() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          record Point(int x, int y) {}
                          @Post("/points")
                          String create(
                              @Body Point point);
                        }
                        """),
                "a body cannot be test.Shop.Point (to send it as JSON, annotate Point with @io.avaje.jsonb.Json)",
                "Point point");
    }

    @Test
    void requestAnnotationOnAMethodThatIsNotARouteIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @WasmExport(module = "bare")
                          int add(@QueryParam("a") int a, int b);
                        }
                        """),
                "parameter 'a' of Shop.add(int, int) binds to the request, but add is not a route",
                "int add(");
    }

    @Test
    void headerParamWithEmptyNameIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/who") String who(@HeaderParam("") String agent);
                        }
                        """),
                "parameter 'agent' of Shop.who(String): @HeaderParam needs the header's name, such as"
                        + " @HeaderParam(\"X-Request-Id\")",
                "String agent");
    }
}
