package dev.weft.processor;

import static dev.weft.processor.CompileErrors.assertError;
import static dev.weft.processor.CompileErrors.assertOnlyError;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Compile errors of @Use, @Authenticated and @RolesAllowed. */
class ChainErrorsTest {

    /** Middleware and guards in package {@code test} for {@code @Use} to name; only some are usable. */
    private static final String CLASSES = """
            class Holder {
              public static final class Timing implements dev.weft.runtime.middleware.Middleware {
                public Response handle(Request request, RouteHandler next) throws Exception { return next.handle(request); }
              }
              public static final class Both implements dev.weft.runtime.middleware.Middleware, dev.weft.runtime.middleware.Guard {
                public Response handle(Request request, RouteHandler next) throws Exception { return next.handle(request); }
                public dev.weft.runtime.middleware.Verdict check(Request request) { return dev.weft.runtime.middleware.Verdict.allow(); }
              }
              public static abstract class Abstract implements dev.weft.runtime.middleware.Middleware {}
              public final class Inner implements dev.weft.runtime.middleware.Guard {
                public dev.weft.runtime.middleware.Verdict check(Request request) { return dev.weft.runtime.middleware.Verdict.allow(); }
              }
              public static final class NeedsName implements dev.weft.runtime.middleware.Guard {
                public NeedsName(String name) {}
                public dev.weft.runtime.middleware.Verdict check(Request request) { return dev.weft.runtime.middleware.Verdict.allow(); }
              }
            }
            """;

    /** An {@code @Api} interface Shop, whose one route {@code ping()} carries {@code annotations}. */
    private static JavaFileObject shopWithRoute(String annotations) {
        return Sources.weft("Shop", """
                @Api
                public interface Shop {
                  %s
                  @Get("/ping") String ping();
                }
                """.formatted(annotations) + CLASSES);
    }

    @Test
    void rolesAllowedWithoutRolesIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/ping") @dev.weft.annotations.security.RolesAllowed({})
                          String ping();
                        }
                        """),
                "Shop.ping(): @RolesAllowed needs at least one role", "String ping(");
    }

    @Test
    void useOfAClassThatIsNeitherMiddlewareNorGuardIsAnError() {
        assertOnlyError(shopWithRoute("@Use(String.class)"),
                "@Use(String.class): java.lang.String must implement exactly one of"
                        + " dev.weft.runtime.middleware.Middleware and dev.weft.runtime.middleware.Guard",
                "String ping(");
    }

    @Test
    void useOfAClassThatIsBothMiddlewareAndGuardIsAnError() {
        assertOnlyError(shopWithRoute("@Use(Holder.Both.class)"),
                "@Use(Both.class): test.Holder.Both must implement exactly one of", "String ping(");
    }

    @Test
    void useOfAnAbstractClassIsAnError() {
        assertOnlyError(shopWithRoute("@Use(Holder.Abstract.class)"),
                "@Use(Abstract.class): test.Holder.Abstract cannot be constructed: it must be a public, non-abstract,"
                        + " top-level or static class",
                "String ping(");
    }

    @Test
    void useOfAnInnerClassIsAnError() {
        assertOnlyError(shopWithRoute("@Use(Holder.Inner.class)"),
                "@Use(Inner.class): test.Holder.Inner cannot be constructed", "String ping(");
    }

    @Test
    void useOfAClassWithoutAUsableConstructorIsAnError() {
        assertOnlyError(shopWithRoute("@Use(Holder.NeedsName.class)"),
                "@Use(NeedsName.class): test.Holder.NeedsName cannot be constructed: give it a public constructor"
                        + " taking no parameters or one io.helidon.config.Config",
                "String ping(");
    }

    @Test
    void badUseOnTheInterfaceIsReportedOnTheInterface() {
        assertError(Sources.weft("Shop", """
                        @Api @Use(String.class)
                        public interface Shop {
                          @Get("/ping") String ping();
                        }
                        """),
                "@Use(String.class): java.lang.String must implement exactly one of", "interface Shop");
    }

    /** The interface's @Use is read again for each route, and its error reported each time. */
    @Test
    void badUseOnTheInterfaceIsReportedOnce() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api @Use(String.class)
                        public interface Shop {
                          @Get("/ping") String ping();
                          @Get("/pong") String pong();
                        }
                        """),
                "@Use(String.class): java.lang.String must implement exactly one of", "interface Shop");
    }

    @Test
    void securityOnAMethodThatIsNotARouteIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/ping") String ping();
                          @WasmExport(module = "bare") @dev.weft.annotations.security.Authenticated
                          int add(int a, int b);
                        }
                        """),
                "Shop.add(int, int) is not a route: @Use, @Authenticated and @RolesAllowed apply to routes", "int add(");
    }

    @Test
    void usableMiddlewareAndGuardsCompile() {
        com.google.testing.compile.CompilationSubject.assertThat(Compilers.weft().compile(Sources.weft("Shop", """
                        @Api @Use(Holder.Timing.class) @dev.weft.annotations.security.Authenticated
                        public interface Shop {
                          @Get("/ping") @dev.weft.annotations.security.RolesAllowed("admin") @Use(Holder.Timing.class)
                          String ping();
                        }
                        """ + CLASSES)))
                .succeededWithoutWarnings();
    }
}
