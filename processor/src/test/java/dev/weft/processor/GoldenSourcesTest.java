package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated sources of one representative interface ({@code golden/ShopApi.java}: every kind
 * of parameter, return and binding once), compared with reviewed sources kept beside it. When the
 * generated code changes on purpose, review the new output and replace the golden file.
 */
class GoldenSourcesTest {

    private static Compilation compilation;

    @BeforeAll
    static void compile() {
        compilation = Compilers.compileWithModules(Sources.resource("golden/ShopApi.java"));
    }

    @Test
    void generatedCodeCompilesWithoutWarnings() {
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void routesMatchTheGoldenSource() {
        assertMatchesGolden("test.ShopApiRoutes", "golden/ShopApiRoutes.java");
    }

    @Test
    void wasmImplementationMatchesTheGoldenSource() {
        assertMatchesGolden("test.ShopApiWasm", "golden/ShopApiWasm.java");
    }

    private static void assertMatchesGolden(String generated, String golden) {
        assertCompilerInternalsOpen();
        assertThat(compilation).generatedSourceFile(generated).hasSourceEquivalentTo(Sources.resource(golden));
    }

    /** compile-testing parses the expected source with javac's internal parser, which the JVM must open to it. */
    private static void assertCompilerInternalsOpen() {
        Module compiler = ModuleLayer.boot().findModule("jdk.compiler").orElseThrow();
        List<String> closed = List.of("file", "parser", "tree").stream()
                .map(name -> "com.sun.tools.javac." + name)
                .filter(name -> !compiler.isExported(name, GoldenSourcesTest.class.getModule()))
                .toList();
        assertTrue(closed.isEmpty(), () -> "hasSourceEquivalentTo needs javac's internals: add "
                + String.join(" ", closed.stream().map(name -> "--add-opens jdk.compiler/" + name + "=ALL-UNNAMED").toList())
                + " to the surefire argLine in processor/pom.xml");
    }
}
