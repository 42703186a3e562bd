package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.CompileErrors.assertOnlyError;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Compile errors of routes: duplicates, path templates and the path variables they bind. */
class RouteErrorsTest {

    @Test
    void sameMethodAndPathShapeTwiceInOneInterfaceIsADuplicate() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/a/{x}") String first(@PathParam("x") String x);
                          @Get("/a/{y}") String second(@PathParam("y") String y);
                        }
                        """),
                "duplicate route: Shop.second(String) and Shop.first(String) both answer GET /a/{y}",
                "String second(");
    }

    @Test
    void sameMethodAndPathShapeInTwoInterfacesIsADuplicate() {
        JavaFileObject first = Sources.weft("First", """
                @Api("/a")
                public interface First {
                  @Get("/{x}") String first(@PathParam("x") String x);
                }
                """);
        JavaFileObject second = Sources.weft("Second", """
                @Api
                public interface Second {
                  @Get("/a/{y}") String second(@PathParam("y") String y);
                }
                """);
        Compilation compilation = Compilers.weft().compile(first, second);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("duplicate route: Second.second(String) and First.first(String) both answer GET /a/{y}")
                .inFile(second)
                .onLineContaining("String second(");
    }

    @Test
    void pathVariableWithoutPathParamIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/orders/{id}/lines/{line}")
                          String line(@PathParam("id") String id);
                        }
                        """),
                "path variable {line} of Shop.line(String) ('/orders/{id}/lines/{line}') has no @PathParam parameter",
                "String line(");
    }

    @Test
    void pathParamNamingNoVariableIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/orders")
                          String orders(
                              @PathParam("id") String id);
                        }
                        """),
                "@PathParam 'id' of Shop.orders(String) names no variable of its path '/orders'",
                "@PathParam(\"id\") String id");
    }

    @Test
    void pathVariableBoundTwiceIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/orders/{id}")
                          String order(@PathParam("id") String id,
                              @PathParam("id") String again);
                        }
                        """),
                "path variable {id} of Shop.order(String, String) is bound twice",
                "String again");
    }

    @Test
    void variableThatIsPartOfASegmentIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api("/files")
                        public interface Shop {
                          @Get("/report{year}") String report(@PathParam("year") int year);
                        }
                        """),
                "path '/files/report{year}': a variable must be a whole segment such as {id}, not 'report{year}'",
                "String report(");
    }

    @Test
    void emptySegmentIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/a//b") String ab();
                        }
                        """),
                "Shop.ab(): path '/a//b' has an empty segment",
                "String ab(");
    }

    @Test
    void variableNamedTwiceInOnePathIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/{x}/{x}") String twice(@PathParam("x") String x);
                        }
                        """),
                "path '/{x}/{x}' names variable {x} twice",
                "String twice(");
    }

    @Test
    void variableNotNamedLikeAJavaIdentifierIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/items/{item-id}") String item(@PathParam("item-id") String id);
                        }
                        """),
                "path '/items/{item-id}': variable {item-id} must be named like a Java identifier",
                "String item(");
    }

    @Test
    void malformedInterfacePrefixIsReportedOnEachRoute() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api("/v{version}x")
                        public interface Shop {
                          @Get("/ping") String ping();
                        }
                        """),
                "a variable must be a whole segment such as {id}, not 'v{version}x'",
                "String ping(");
    }

    /**
     * The server's own /health, /metrics and /openapi.json would otherwise fail the server at
     * start-up as duplicates.
     */
    @Test
    void routesAtTheServersOwnPathsAreErrors() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/health") String health();
                        }
                        """),
                "Shop.health(): path '/health' is the server's own (/health, /metrics and /openapi.json are reserved); choose another",
                "String health(");
        assertOnlyError(Sources.weft("Shop", """
                        @Api("/metrics")
                        public interface Shop {
                          @Post String push(@Body String text);
                        }
                        """),
                "Shop.push(String): path '/metrics' is the server's own (/health, /metrics and /openapi.json are reserved); choose another",
                "String push(");
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/openapi.json") String contract();
                        }
                        """),
                "Shop.contract(): path '/openapi.json' is the server's own (/health, /metrics and /openapi.json are reserved); choose another",
                "String contract(");
    }

    @Test
    void pathsBelowTheServersOwnAreFine() {
        com.google.testing.compile.CompilationSubject.assertThat(Compilers.weft().compile(Sources.weft("Shop", """
                        @Api("/health")
                        public interface Shop {
                          @Get("/deep") String deep();
                        }
                        """))).succeededWithoutWarnings();
    }
}
