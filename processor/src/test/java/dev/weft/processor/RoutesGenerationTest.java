package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.weft.runtime.generated.Route;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Which route classes are generated, and that their code compiles whatever the user's names. */
class RoutesGenerationTest {

    @Test
    void routeTableListsEveryRouteWithItsFullTemplateInDeclarationOrder() {
        List<String> routes = TestApp.get().routes("app.ReturnsApiRoutes", TestApp.get().implementation("Returns"))
                .routes().stream().map(Route::toString).toList();
        assertEquals(List.of("GET /returns/text", "DELETE /returns/text", "GET /returns/bytes", "GET /returns/json",
                "GET /returns/list", "GET /returns/int", "GET /returns/double", "GET /returns/boolean",
                "POST /returns/response", "GET /returns/checked"), routes);
    }

    @Test
    void prefixWithoutSlashesIsJoinedWithASlash() {
        List<String> routes = TestApp.get().routes("app.NamesApiRoutes", TestApp.get().implementation("Names"))
                .routes().stream().map(Route::toString).toList();
        assertEquals(List.of("GET /names/{request}", "GET /names/by-name/{slug}"), routes);
    }

    @Test
    void routesOfDifferentMethodsOrShapesOnOnePathAreNotDuplicates() {
        Compilation compilation = Compilers.weft().compile(Sources.weft("Orders", """
                @Api("/orders")
                public interface Orders {
                  @Get("/{id}") String get(@PathParam("id") String id);
                  @Delete("/{id}") void delete(@PathParam("id") String id);
                  @Get("/latest") String latest();
                  @Get("/{id}/lines") String lines(@PathParam("id") String id);
                  @Get String all();
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.OrdersRoutes")
                .contentsAsUtf8String().contains("Route.get(\"/orders\", this::all)");
    }

    @Test
    void interfaceWithoutApiGetsNoRoutes() {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Calc", """
                public interface Calc {
                  @WasmExport(module = "bare") int add(int a, int b);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "test", "CalcRoutes.java").isEmpty());
        assertThat(compilation).generatedSourceFile("test.CalcWasm");
    }

    @Test
    void overloadsAndAMethodNamedRoutesGetHandlersOfTheirOwn() {
        Compilation compilation = Compilers.weft().compile(Sources.weft("Greetings", """
                @Api
                public interface Greetings {
                  @Get("/hello") String hello();
                  @Get("/hello/{name}") String hello(@PathParam("name") String name);
                  @Get("/routes") String routes();
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void parametersNamedLikeTheHandlersLocalsCompile() {
        Compilation compilation = Compilers.weft().compile(Sources.weft("Names", """
                @Api
                public interface Names {
                  @Get("/{request}") String get(@PathParam("request") String request,
                      @QueryParam("params") int params, @HeaderParam("X-Request") String request_, Request original);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
    }

    /** The handler calls {@code api.method(...)}, and a parameter named {@code api} hides the field. */
    @Test
    void parameterNamedApiCompiles() {
        Compilation compilation = Compilers.weft().compile(Sources.weft("Versions", """
                @Api
                public interface Versions {
                  @Get("/versions") String versions(@QueryParam("api") String api);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
    }

    /** Static fields are named after the simple name, so a.Item and b.Item share ITEM_JSON. */
    @Test
    void jsonTypesWithTheSameSimpleNameGetFieldsOfTheirOwn() {
        Compilation compilation = Compilers.weft().compile(
                Sources.of("a.Item", "package a;", "@io.avaje.jsonb.Json public record Item(int x) {}"),
                Sources.of("b.Item", "package b;", "@io.avaje.jsonb.Json public record Item(String y) {}"),
                Sources.weft("Items", """
                        @Api
                        public interface Items {
                          @Get("/a") a.Item a();
                          @Get("/b") b.Item b();
                        }
                        """));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void enumsWithTheSameSimpleNameGetConvertersOfTheirOwn() {
        Compilation compilation = Compilers.weft().compile(
                Sources.of("a.Color", "package a;", "public enum Color { RED }"),
                Sources.of("b.Color", "package b;", "public enum Color { BLUE }"),
                Sources.weft("Paint", """
                        @Api
                        public interface Paint {
                          @Get("/paint") String paint(@QueryParam("a") a.Color a, @QueryParam("b") b.Color b);
                        }
                        """));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void useClassesWithTheSameSimpleNameGetFieldsOfTheirOwn() {
        Compilation compilation = Compilers.weft().compile(
                Sources.of("a.Audit", "package a;",
                        "public final class Audit implements dev.weft.runtime.middleware.Middleware {",
                        "  public dev.weft.runtime.http.Response handle(dev.weft.runtime.http.Request request,",
                        "      dev.weft.runtime.http.RouteHandler next) throws Exception { return next.handle(request); }",
                        "}"),
                Sources.of("b.Audit", "package b;",
                        "public final class Audit implements dev.weft.runtime.middleware.Guard {",
                        "  public dev.weft.runtime.middleware.Verdict check(dev.weft.runtime.http.Request request) {",
                        "    return dev.weft.runtime.middleware.Verdict.allow();",
                        "  }",
                        "}"),
                Sources.weft("Audited", """
                        @Api
                        public interface Audited {
                          @Get("/a") @Use({a.Audit.class, b.Audit.class}) String a();
                        }
                        """));
        assertThat(compilation).succeededWithoutWarnings();
    }
}
