package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the processor writes to META-INF/weft/openapi.json, read back as JSON. */
class OpenApiGenerationTest {

    private static final JsonType<Object> JSON = Jsonb.builder().build().type(Object.class);

    private static final JavaFileObject SHOP = Sources.weft("Shop", """
            /** The shop's orders. */
            @Api("/shop")
            public interface Shop {
              enum Colour { RED, GREEN }
              /** A line of an order. */
              @io.avaje.jsonb.Json record Line(@NotBlank @Size(min = 1, max = 40) String sku, @Min(1) @Max(99) int count,
                  Optional<Colour> colour) {}
              @io.avaje.jsonb.Json record NewOrder(@NotNull @Valid List<Line> lines, @Pattern("[a-z]+") String note) {}
              @io.avaje.jsonb.Json record Order(long id, List<Line> lines, Colour colour) {}

              /**
               * Finds an order. The id is the one {@code create} answered.
               *
               * @param id the order's id
               */
              @Get("/orders/{id}") Order find(@PathParam("id") @Min(1) long id);

              @Get("/orders") List<Order> list(@QueryParam("limit") @Default("20") @Min(1) @Max(100) int limit,
                  @QueryParam("colour") Optional<Colour> colour, @HeaderParam("X-Tenant") String tenant);

              @Post("/orders") @dev.weft.annotations.security.RolesAllowed("clerk") Order create(@Body NewOrder order);

              @Delete("/orders/{id}") @dev.weft.annotations.security.Authenticated void delete(@PathParam("id") long id);

              @Post("/notes") String note(@Body String text);
            }
            """);

    @Test
    void routesBecomePathsWithTheirMethodsOperationIdsAndJavadoc() {
        Map<String, Object> document = document(SHOP);
        assertEquals("3.1.0", document.get("openapi"));
        Map<String, Object> paths = map(document, "paths");
        assertEquals(List.of("/shop/notes", "/shop/orders", "/shop/orders/{id}"), List.copyOf(paths.keySet()));
        assertEquals(List.of("delete", "get"), sorted(map(paths, "/shop/orders/{id}").keySet()));
        Map<String, Object> find = map(paths, "/shop/orders/{id}", "get");
        assertEquals("find", find.get("operationId"));
        assertEquals("Finds an order.", find.get("summary"));
        assertEquals("Finds an order. The id is the one create answered.", find.get("description"));
        assertEquals(List.of("Shop"), find.get("tags"));
        assertEquals("The shop's orders.", ((Map<?, ?>) list(document, "tags").get(0)).get("description"));
    }

    @Test
    void parametersCarryTheirPlaceTypeDefaultAndBounds() {
        Map<String, Object> paths = map(document(SHOP), "paths");
        Map<?, ?> id = (Map<?, ?>) list(map(paths, "/shop/orders/{id}", "get"), "parameters").get(0);
        assertEquals(Map.of("name", "id", "in", "path", "required", true, "description", "the order's id",
                "schema", Map.of("type", "integer", "format", "int64", "minimum", 1L)), id);
        List<Object> listParams = list(map(paths, "/shop/orders", "get"), "parameters");
        assertEquals(Map.of("name", "limit", "in", "query", "required", false,
                "schema", Map.of("type", "integer", "format", "int32", "minimum", 1L, "maximum", 100L, "default", 20L)),
                listParams.get(0));
        assertEquals(Map.of("name", "colour", "in", "query", "required", false,
                "schema", Map.of("$ref", "#/components/schemas/Shop.Colour")), listParams.get(1));
        assertEquals(Map.of("name", "X-Tenant", "in", "header", "required", true, "schema", Map.of("type", "string")),
                listParams.get(2));
    }

    @Test
    void recordsBecomeSchemasWithConstraintsAsKeywords() {
        Map<String, Object> schemas = map(document(SHOP), "components", "schemas");
        assertEquals(Map.of("type", "string", "enum", List.of("RED", "GREEN")), schemas.get("Shop.Colour"));
        Map<String, Object> line = map(schemas, "Shop.Line");
        assertEquals("A line of an order.", line.get("description"));
        assertEquals(List.of("sku", "count"), line.get("required"));
        assertEquals(Map.of("type", "string", "minLength", 1L, "maxLength", 40L, "pattern", "\\S"), map(line, "properties", "sku"));
        assertEquals(Map.of("type", "integer", "format", "int32", "minimum", 1L, "maximum", 99L), map(line, "properties", "count"));
        assertEquals(Map.of("anyOf", List.of(Map.of("$ref", "#/components/schemas/Shop.Colour"), Map.of("type", "null"))),
                map(line, "properties", "colour"));
        Map<String, Object> newOrder = map(schemas, "Shop.NewOrder");
        assertEquals(List.of("lines"), newOrder.get("required"));
        assertEquals(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Shop.Line")),
                map(newOrder, "properties", "lines"));
        assertEquals(Map.of("type", List.of("string", "null"), "pattern", "^(?:[a-z]+)$"), map(newOrder, "properties", "note"));
    }

    @Test
    void bodiesAndAnswersHaveTheirMediaTypesAndErrorsAreProblems() {
        Map<String, Object> document = document(SHOP);
        Map<String, Object> paths = map(document, "paths");
        Map<String, Object> create = map(paths, "/shop/orders", "post");
        assertEquals(Map.of("$ref", "#/components/schemas/Shop.NewOrder"),
                map(create, "requestBody", "content", "application/json", "schema"));
        assertEquals(List.of("200", "400", "401", "403", "413", "415", "500", "504"), sorted(map(create, "responses").keySet()));
        assertEquals(List.of(Map.of("bearerAuth", List.of("clerk")), Map.of("apiKey", List.of("clerk"))), create.get("security"));

        Map<String, Object> delete = map(paths, "/shop/orders/{id}", "delete");
        assertEquals(List.of("204", "400", "401", "404", "500", "504"), sorted(map(delete, "responses").keySet()));
        Map<String, Object> list = map(paths, "/shop/orders", "get");
        assertEquals(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Shop.Order")),
                map(list, "responses", "200", "content", "application/json", "schema"));
        assertNull(list.get("security"));
        Map<String, Object> note = map(paths, "/shop/notes", "post");
        assertEquals(Map.of("type", "string"), map(note, "requestBody", "content", "text/plain", "schema"));
        assertEquals(List.of("200", "400", "413", "500", "504"), sorted(map(note, "responses").keySet()));

        assertEquals(Map.of("$ref", "#/components/schemas/Problem"),
                map(document, "components", "responses", "BadRequest", "content", "application/problem+json", "schema"));
        Map<String, Object> problem = map(document, "components", "schemas", "Problem");
        assertEquals(List.of("type", "title", "status"), problem.get("required"));
        assertTrue(map(problem, "properties").containsKey("violations"));
        assertEquals(Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"),
                map(document, "components", "securitySchemes", "bearerAuth"));
    }

    @Test
    void interfacesOfOneCompilationShareOneDocumentWithUniqueOperationIds() {
        Map<String, Object> document = document(
                Sources.weft("First", "@Api public interface First { @Get(\"/a\") String hello(); @Get(\"/b\") String only(); }"),
                Sources.weft("Second", "@Api(\"/s\") public interface Second { @Get(\"/a\") String hello(); }"));
        Map<String, Object> paths = map(document, "paths");
        assertEquals(List.of("/a", "/b", "/s/a"), List.copyOf(paths.keySet()));
        assertEquals("First.hello", map(paths, "/a", "get").get("operationId"));
        assertEquals("Second.hello", map(paths, "/s/a", "get").get("operationId"));
        assertEquals("only", map(paths, "/b", "get").get("operationId"));
        assertFalse(map(document, "components").containsKey("securitySchemes"));
    }

    @Test
    void wasmBoundRoutesAreDescribedLikeJavaOnes() {
        List<JavaFileObject> sources = new ArrayList<>(Sources.moduleClasses());
        sources.add(Sources.weft("Echo", """
                @Api public interface Echo {
                  /** Echoes the body. */
                  @Post("/echo") @WasmExport(module = "echo") byte[] echo(@Body byte[] body);
                }
                """));
        Map<String, Object> echo = map(document(sources.toArray(JavaFileObject[]::new)), "paths", "/echo", "post");
        assertEquals("Echoes the body.", echo.get("summary"));
        assertEquals(Map.of("module", "echo", "export", "echo"), echo.get("x-weft-wasm"));
        assertEquals(Map.of(), map(echo, "requestBody", "content", "application/octet-stream", "schema"));
        // 4XX: a guest may refuse with a client error of its own
        assertEquals(List.of("200", "400", "413", "4XX", "500", "503", "504"), sorted(map(echo, "responses").keySet()));
    }

    @Test
    void noApiInterfaceMeansNoDocument() {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Calc",
                "public interface Calc { @WasmExport(module = \"bare\") int add(int a, int b); }"));
        assertThat(compilation).succeeded();
        assertTrue(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, OpenApiWriter.RESOURCE).isEmpty());
    }

    private static Map<String, Object> document(JavaFileObject... sources) {
        Compilation compilation = Compilers.weft().compile(sources);
        assertThat(compilation).succeeded();
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, OpenApiWriter.RESOURCE).orElseThrow();
        try {
            return cast(JSON.fromJson(file.getCharContent(true).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> map(Map<String, Object> tree, String... keys) {
        Map<String, Object> current = tree;
        for (String key : keys) {
            current = cast(current.get(key));
        }
        return current;
    }

    private static List<Object> list(Map<String, Object> tree, String key) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) tree.get(key);
        return list;
    }

    private static List<String> sorted(java.util.Collection<String> keys) {
        return keys.stream().sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
