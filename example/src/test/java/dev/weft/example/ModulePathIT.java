package dev.weft.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module descriptors work: the example starts as a Java module from its plain jar and its
 * dependencies' jars, serves Java, wasm and JSON routes, and the runtime exports only what a user
 * writes against (plus the package for generated code).
 */
class ModulePathIT {

    @Test
    void theExampleRunsAsAModule() throws Exception {
        try (RunningExample example = RunningExample.startOnModulePath()) {
            assertEquals("Hello, Ada!", text(example.get("/hello/Ada")));

            HttpResponse<byte[]> matmul = example.get("/matmul?n=8&seed=3");
            assertEquals(200, matmul.statusCode(), text(matmul));
            assertEquals(8, ((Number) RunningExample.json(matmul).get("n")).intValue());

            HttpResponse<byte[]> stats = example.post("/stats", "application/json",
                    "{\"values\":[1,2,3.5]}".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, stats.statusCode(), text(stats));
            assertEquals(3, ((Number) RunningExample.json(stats).get("count")).intValue());
            // The data layer on the module path: the framework's migration found, the guest's grant honoured.
            HttpResponse<byte[]> visit = example.get("/visits/module-path");
            assertEquals(200, visit.statusCode(), text(visit));
            assertTrue(example.log().contains("Weft started"), example.log());
            // The SLF4J binding (module org.slf4j.jul) is bound as a service on the module path too.
            assertFalse(example.log().contains("SLF4J"), example.log());
        }
    }

    @Test
    void theRuntimeExportsItsApiAndTheGeneratedCodePackageOnly() {
        ModuleReference runtime = ModuleFinder.of(Path.of("target/modules")).find("dev.weft.runtime").orElseThrow();
        Map<String, Set<String>> exports = runtime.descriptor().exports().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
        assertEquals(Map.of(
                "dev.weft.runtime", Set.of(),
                "dev.weft.runtime.http", Set.of(),
                "dev.weft.runtime.json", Set.of(),
                "dev.weft.runtime.middleware", Set.of(),
                "dev.weft.runtime.wasm", Set.of(),
                "dev.weft.runtime.data", Set.of(),
                "dev.weft.runtime.generated", Set.of(),
                // the testing kit runs the request pipeline without a socket, with requests of its own
                "dev.weft.runtime.internal.http", Set.of("dev.weft.test"),
                "dev.weft.runtime.internal.server", Set.of("java.logging", "dev.weft.test")), exports);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
