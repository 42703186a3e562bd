package dev.weft.processor;

import static dev.weft.processor.CompileErrors.assertError;
import static dev.weft.processor.CompileErrors.assertOnlyError;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
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
              public static final class Throws implements dev.weft.runtime.middleware.Guard {
                public Throws() throws java.io.IOException, java.util.concurrent.TimeoutException {}
                public dev.weft.runtime.middleware.Verdict check(Request request) { return dev.weft.runtime.middleware.Verdict.allow(); }
              }
              public static final class ThrowsUnchecked implements dev.weft.runtime.middleware.Guard {
                public ThrowsUnchecked() throws IllegalStateException {}
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
                "@Use(String.class)");
    }

    @Test
    void useOfAClassThatIsBothMiddlewareAndGuardIsAnError() {
        assertOnlyError(shopWithRoute("@Use(Holder.Both.class)"),
                "@Use(Both.class): test.Holder.Both must implement exactly one of", "@Use(Holder.Both.class)");
    }

    @Test
    void useOfAnAbstractClassIsAnError() {
        assertOnlyError(shopWithRoute("@Use(Holder.Abstract.class)"),
                "@Use(Abstract.class): test.Holder.Abstract cannot be constructed: it must be a public, non-abstract,"
                        + " top-level or static class",
                "@Use(Holder.Abstract.class)");
    }

    @Test
    void useOfAnInnerClassIsAnError() {
        assertOnlyError(shopWithRoute("@Use(Holder.Inner.class)"),
                "@Use(Inner.class): test.Holder.Inner cannot be constructed", "@Use(Holder.Inner.class)");
    }

    @Test
    void useOfAClassWithoutAUsableConstructorIsAnError() {
        assertOnlyError(shopWithRoute("@Use(Holder.NeedsName.class)"),
                "@Use(NeedsName.class): test.Holder.NeedsName cannot be constructed: give it a public constructor"
                        + " taking no parameters or one dev.weft.runtime.WeftConfig",
                "@Use(Holder.NeedsName.class)");
    }

    @Test
    void useOfAClassWhoseConstructorThrowsACheckedExceptionIsAnError() {
        assertOnlyError(shopWithRoute("@Use(Holder.Throws.class)"),
                "@Use(Throws.class): the constructor of test.Holder.Throws throws the checked java.io.IOException,"
                        + " java.util.concurrent.TimeoutException, which the generated routes cannot handle; throw an"
                        + " unchecked exception instead",
                "@Use(Holder.Throws.class)");
    }

    @Test
    void aConstructorThrowingUncheckedExceptionsIsFine() {
        com.google.testing.compile.CompilationSubject.assertThat(Compilers.weft().compile(shopWithRoute(
                "@Use(Holder.ThrowsUnchecked.class)"))).succeededWithoutWarnings();
    }

    /** The generated ShopRoutes is a top-level class of its own: a private enclosing class is out of its reach. */
    @Test
    void useOfAPublicClassInsideAPrivateOneIsAnError() {
        JavaFileObject source = Sources.weft("Holder", """
                public class Holder {
                  private static class Secret {
                    public static final class Timing implements dev.weft.runtime.middleware.Middleware {
                      public Response handle(Request request, RouteHandler next) throws Exception { return next.handle(request); }
                    }
                  }
                  @Api
                  public interface Shop {
                    @Use(Secret.Timing.class)
                    @Get("/ping") String ping();
                  }
                }
                """);
        assertOnlyError(source, "@Use(Timing.class): test.Holder.Secret.Timing cannot be constructed by the generated"
                + " routes: its enclosing class test.Holder.Secret is not visible to them; make it public",
                "@Use(Secret.Timing.class)");
    }

    /** A package-private enclosing class of the interface's own package is visible to the generated routes. */
    @Test
    void useOfAPublicClassInsideAPackagePrivateOneOfTheSamePackageCompiles() {
        com.google.testing.compile.CompilationSubject.assertThat(Compilers.weft().compile(shopWithRoute(
                "@Use(Holder.Timing.class)"))).succeededWithoutWarnings();
    }

    /**
     * Reached through a public subclass, a public class nested in a package-private class of another
     * package can be named in {@code @Use}, but not constructed from the generated routes' package.
     */
    @Test
    void useOfAPublicClassInsideAPackagePrivateOneOfAnotherPackageIsAnError() {
        JavaFileObject other = Sources.of("other.Base",
                "package other;",
                "public class Base extends Outer {}",
                "class Outer {",
                "  public static final class Timing implements dev.weft.runtime.middleware.Middleware {",
                "    public dev.weft.runtime.http.Response handle(dev.weft.runtime.http.Request request,",
                "        dev.weft.runtime.http.RouteHandler next) throws Exception { return next.handle(request); }",
                "  }",
                "}");
        JavaFileObject shop = Sources.weft("Shop", """
                @Api
                public interface Shop {
                  @Use(other.Base.Timing.class)
                  @Get("/ping") String ping();
                }
                """);
        Compilation compilation = Compilers.compileWithModules(shop, other);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("@Use(Timing.class): other.Outer.Timing cannot be constructed by the"
                + " generated routes: its enclosing class other.Outer is not visible to them; make it public")
                .inFile(shop).onLineContaining("@Use(other.Base.Timing.class)");
    }

    @Test
    void badUseOnTheInterfaceIsReportedOnTheInterface() {
        assertError(Sources.weft("Shop", """
                        @Api @Use(String.class)
                        public interface Shop {
                          @Get("/ping") String ping();
                        }
                        """),
                "@Use(String.class): java.lang.String must implement exactly one of", "@Api @Use(String.class)");
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
                "@Use(String.class): java.lang.String must implement exactly one of", "@Api @Use(String.class)");
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

    @Test
    void aPrincipalOnARouteOpenToAnonymousRequestsIsAWarning() {
        Compilation compilation = Compilers.weft().compile(Sources.weft("Shop", """
                @Api
                public interface Shop {
                  @Get("/me") String me(Principal caller);
                }
                """));
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("parameter 'caller' of Shop.me(Principal) is null for anonymous"
                + " requests: the route has no @Authenticated or @RolesAllowed (add one, or"
                + " @SuppressWarnings(\"weft:anonymous-principal\") if null is expected)")
                .inFile(compilation.sourceFiles().get(0)).onLineContaining("String me(");
    }

    @Test
    void aPrincipalOnAGuardedRouteOrWithTheWarningSuppressedCompilesWithoutWarnings() {
        assertThat(Compilers.weft().compile(Sources.weft("Shop", """
                @Api @dev.weft.annotations.security.Authenticated
                public interface Shop {
                  @Get("/me") String me(Principal caller);
                  @Get("/admin") @dev.weft.annotations.security.RolesAllowed("admin") String admin(Principal caller);
                }
                """))).succeededWithoutWarnings();
        assertThat(Compilers.weft().compile(Sources.weft("Shop", """
                @Api
                public interface Shop {
                  @Get("/hello") String hello(@SuppressWarnings("weft:anonymous-principal") Principal caller);
                  @Get("/hi") @SuppressWarnings("weft:anonymous-principal") String hi(Principal caller);
                }
                """))).succeededWithoutWarnings();
    }
}
