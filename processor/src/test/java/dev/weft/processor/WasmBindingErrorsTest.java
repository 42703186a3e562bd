package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.CompileErrors.assertOnlyError;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compile errors of {@code @WasmExport} bindings, checked against the module manifests (see ManifestFixtures). */
class WasmBindingErrorsTest {

    /** A non-@Api interface {@code Calc} with {@code method} as its one member. */
    private static JavaFileObject calc(String method) {
        return Sources.weft("Calc", """
                public interface Calc {
                  %s
                }
                """.formatted(method));
    }

    @Test
    void unknownModuleIsAnErrorListingTheModules() {
        assertOnlyError(calc("@WasmExport(module = \"nope\") int add(int a, int b);"),
                "Calc.add(int, int) @WasmExport(module = \"nope\", function = \"add\"): there is no wasm module named 'nope'"
                        + " in this project; its modules are: bare, echo, matmul, sizes",
                "int add(");
    }

    @Test
    void unknownModuleWithoutAnyManifestIsAnErrorAskingForThePlugin(@TempDir Path empty) {
        JavaFileObject source = calc("@WasmExport(module = \"nope\") int add(int a, int b);");
        Compilation compilation = Compilers.weft(empty).compile(source);
        assertThat(compilation).failed();
        assertThat(compilation)
                .hadErrorContaining("there is no wasm module named 'nope' in this project (no module manifests in " + empty
                        + "; does the pom run weft-wasm-aot-maven-plugin?)")
                .inFile(source)
                .onLineContaining("int add(");
    }

    @Test
    void unreadableManifestIsAnError(@TempDir Path modules) throws IOException {
        Files.writeString(modules.resolve("broken.properties"), "export.add=(i32,i32)->(i32)\n");
        JavaFileObject source = calc("@WasmExport(module = \"broken\") int add(int a, int b);");
        Compilation compilation = Compilers.weft(modules).compile(source);
        assertThat(compilation).failed();
        assertThat(compilation)
                .hadErrorContaining("the manifest of module 'broken' could not be read: module manifest lacks 'module'")
                .inFile(source)
                .onLineContaining("int add(");
    }

    @Test
    void unknownExportIsAnErrorListingTheExports() {
        assertOnlyError(calc("@WasmExport(module = \"echo\", function = \"reverse\") byte[] flip(byte[] bytes);"),
                "Calc.flip(byte[]) @WasmExport(module = \"echo\", function = \"reverse\"): module 'echo' exports no function"
                        + " 'reverse'; its exports are: add(i32,i32)->(i32), echo(i32,i32)->(i64), weft_alloc(i32)->(i32),"
                        + " weft_free(i32,i32)->()",
                "byte[] flip(");
    }

    @Test
    void exportWhoseParametersDoNotFitIsAnError() {
        assertOnlyError(calc("@WasmExport(module = \"echo\") int add(int a, long b);"),
                "export 'add' of module 'echo' has signature (i32,i32)->(i32), but Calc.add(int, long) needs (i32,i64)->(i32)",
                "int add(");
    }

    @Test
    void longBoundToAnExportReturningBytesIsAnError() {
        // Same wasm signature, (i32,i32)->(i64): without the guest's record the long would be the packed pointer.
        assertOnlyError(calc("@WasmExport(module = \"sizes\") long copy(byte[] bytes);"),
                "Calc.copy(byte[]) @WasmExport(module = \"sizes\", function = \"copy\"): export 'copy' of module 'sizes'"
                        + " returns bytes (its i64 is a pointer and a length), but Calc.copy(byte[]) returns a number;"
                        + " declare it byte[], String or a @Json type (see docs/guest-abi.md)",
                "long copy(");
    }

    @Test
    void bytesBoundToAnExportReturningANumberIsAnError() {
        assertOnlyError(calc("@WasmExport(module = \"sizes\") byte[] size(byte[] bytes);"),
                "export 'size' of module 'sizes' returns a number, but Calc.size(byte[]) returns bytes; declare it long",
                "byte[] size(");
    }

    @Test
    void exportWhoseResultDoesNotFitIsAnError() {
        assertOnlyError(calc("@WasmExport(module = \"echo\") String add(int a, int b);"),
                "export 'add' of module 'echo' has signature (i32,i32)->(i32), but Calc.add(int, int) needs (i32,i32)->(i64)",
                "String add(");
    }

    @Test
    void bytesThroughAModuleWithoutTheAllocatorIsAnError() {
        assertOnlyError(calc("@WasmExport(module = \"bare\") byte[] echo(byte[] bytes);"),
                "Calc.echo(byte[]) passes bytes, so module 'bare' must export weft_alloc(i32)->(i32) and"
                        + " weft_free(i32,i32)->() (the weft-guest crate provides both)",
                "byte[] echo(");
    }

    @Test
    void optionalParameterCannotCrossIntoAGuest() {
        assertOnlyError(calc("@WasmExport(module = \"bare\") int add(Optional<Integer> a, int b);"),
                "Calc.add(Optional<Integer>, int) cannot cross into a guest; wasm exports take and return int, long, float,"
                        + " double, boolean, byte[], String and @Json types (see docs/guest-abi.md)",
                "int add(");
    }

    @Test
    void enumParameterCannotCrossIntoAGuest() {
        assertOnlyError(Sources.weft("Calc", """
                        public interface Calc {
                          enum Op { PLUS }
                          @WasmExport(module = "bare") int add(Op op, int b);
                        }
                        """),
                "Calc.add(Calc.Op, int) cannot cross into a guest",
                "int add(");
    }

    @Test
    void responseReturnCannotCrossIntoAGuest() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Post("/echo") @WasmExport(module = "echo")
                          Response echo(@Body byte[] body);
                        }
                        """),
                "Shop.echo(byte[]) cannot cross into a guest",
                "Response echo(");
    }

    @Test
    void unsupportedParameterOfABindingIsAnErrorThatSuggestsJson() {
        assertOnlyError(Sources.weft("Calc", """
                        public interface Calc {
                          record Pair(int a, int b) {}
                          @WasmExport(module = "echo") int add(
                              Pair pair);
                        }
                        """),
                "parameter 'pair' of Calc.add(Calc.Pair): unsupported type test.Calc.Pair"
                        + " (to send it as JSON, annotate Pair with @io.avaje.jsonb.Json)",
                "Pair pair)");
    }

    /** Once one method of an interface has an error, the bindings of the methods after it are still checked. */
    @Test
    void bindingErrorsAfterAnotherMethodsErrorAreStillReported() {
        JavaFileObject source = Sources.weft("Shop", """
                @Api
                public interface Shop {
                  @Get("/search") String search(String unannotated);
                  @WasmExport(module = "nope") int add(int a, int b);
                }
                """);
        Compilation compilation = Compilers.compileWithModules(source);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("there is no wasm module named 'nope'")
                .inFile(source).onLineContaining("int add(");
    }
}
