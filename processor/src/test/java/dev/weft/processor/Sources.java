package dev.weft.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;

/** Source files shared by the processor tests. */
final class Sources {

    /**
     * What every {@link #weft} source starts with, on one line so that it never matches a test's
     * {@code onLineContaining}.
     */
    private static final String HEADER = "package test; import dev.weft.annotations.*; import dev.weft.annotations.validation.*;"
            + " import dev.weft.runtime.http.*; import java.util.*;";

    private Sources() {}

    static JavaFileObject of(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /**
     * A source of package {@code test} named {@code simpleName}, importing Weft's annotations, the
     * runtime's HTTP types and {@code java.util}.
     */
    static JavaFileObject weft(String simpleName, String body) {
        return JavaFileObjects.forSourceString("test." + simpleName, HEADER + "\n" + body);
    }

    /** Loads a source kept under {@code src/test/resources}. */
    static JavaFileObject resource(String path) {
        return JavaFileObjects.forResource(path);
    }

    /**
     * Stands in for the class the Maven plugin compiles a wasm module to: the processor only needs
     * its {@code load} and {@code create} methods to exist.
     */
    static JavaFileObject moduleClass(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return of(qualifiedName,
                "package " + qualifiedName.substring(0, dot) + ";",
                "public final class " + qualifiedName.substring(dot + 1) + " {",
                "  public static com.dylibso.chicory.wasm.WasmModule load() { throw new UnsupportedOperationException(); }",
                "  public static com.dylibso.chicory.runtime.Machine create(com.dylibso.chicory.runtime.Instance instance) {",
                "    throw new UnsupportedOperationException();",
                "  }",
                "}");
    }

    /** The module classes of every manifest in {@link ManifestFixtures}. */
    static List<JavaFileObject> moduleClasses() {
        return List.of(
                moduleClass("test.wasm.MatmulModule"),
                moduleClass("test.wasm.EchoModule"),
                moduleClass("test.wasm.BareModule"));
    }
}
