package dev.weft.processor;

import static dev.weft.processor.CompileErrors.assertOnlyError;

import org.junit.jupiter.api.Test;

/** Compile errors of the annotated types and methods themselves, before their parameters. */
class InterfaceErrorsTest {

    @Test
    void methodWithTwoHttpMethodsIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/thing") @Post("/thing")
                          String thing();
                        }
                        """),
                "Shop.thing() has more than one HTTP method: GET, POST",
                "String thing(");
    }

    @Test
    void abstractMethodOfAnApiWithNeitherRouteNorBindingIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/thing") String thing();
                          String helper();
                        }
                        """),
                "Shop.helper() needs a route annotation (@Get, @Post, @Put, @Delete or @Patch) or a @WasmExport binding",
                "String helper(");
    }

    @Test
    void routeInAnInterfaceWithoutApiIsAnError() {
        assertOnlyError(Sources.weft("Calc", """
                        public interface Calc {
                          @WasmExport(module = "bare") int add(int a, int b);
                          @Get("/sum") int sum();
                        }
                        """),
                "Calc.sum() is a route, but its interface lacks @Api",
                "int sum(");
    }

    /** Only @Api and @WasmExport make the processor look at an interface, so a forgotten @Api goes unnoticed. */
    @Test
    void routeInAnInterfaceWithNoWeftAnnotationButHttpOnesIsAnError() {
        assertOnlyError(Sources.weft("Greetings", """
                        public interface Greetings {
                          @Get("/hello") String hello();
                        }
                        """),
                "Greetings.hello() is a route, but its interface lacks @Api",
                "String hello(");
    }

    @Test
    void apiOnAClassIsAnError() {
        assertOnlyError(Sources.weft("Service", """
                        @Api
                        public abstract class Service {
                          @Get("/thing") public abstract String thing();
                        }
                        """),
                "@Api and @WasmExport belong on interfaces; Service is a class",
                "abstract class Service");
    }

    @Test
    void wasmExportInAClassIsAnError() {
        assertOnlyError(Sources.weft("Calc", """
                        public abstract class Calc {
                          @WasmExport(module = "bare") public abstract int add(int a, int b);
                        }
                        """),
                "@Api and @WasmExport belong on interfaces; Calc is a class",
                "abstract class Calc");
    }

    @Test
    void genericRouteIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/thing/{id}") <T extends CharSequence> String thing(@PathParam("id") T id);
                        }
                        """),
                "Shop.thing(T) is generic; routes and wasm bindings cannot be",
                "String thing(");
    }

    @Test
    void genericWasmBindingIsAnError() {
        assertOnlyError(Sources.weft("Calc", """
                        public interface Calc {
                          @WasmExport(module = "bare") <T> int add(int a, int b);
                        }
                        """),
                "Calc.add(int, int) is generic; routes and wasm bindings cannot be",
                "int add(");
    }
}
