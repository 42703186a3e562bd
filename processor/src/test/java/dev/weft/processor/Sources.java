package dev.weft.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Source files shared by the processor tests. */
final class Sources {

    private Sources() {}

    static JavaFileObject of(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
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
}
