package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.weft.runtime.wasm.WasmModules;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The shape of the generated {@code <Interface>Wasm} classes and the calls they make. */
class WasmGenerationTest {

    /** The generated class {@code test.<name>}, loaded without being initialized. */
    private static Class<?> generatedClass(Compilation compilation, String name) throws ClassNotFoundException {
        return Class.forName("test." + name, false, CompiledClasses.load(compilation));
    }

    @Test
    void interfaceImplementedWhollyByWasmGetsAFinalClassWithAPublicConstructor() throws Exception {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Calc", """
                public interface Calc {
                  @WasmExport(module = "bare") int add(int a, int b);
                  @WasmExport(module = "bare") double scale(double value, float factor);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        Class<?> wasm = generatedClass(compilation, "CalcWasm");
        assertTrue(Modifier.isFinal(wasm.getModifiers()), "final");
        assertTrue(Modifier.isPublic(wasm.getConstructor(WasmModules.class).getModifiers()), "public constructor");
    }

    @Test
    void interfaceWithMethodsLeftToJavaGetsAnAbstractClassWithAProtectedConstructor() throws Exception {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Greetings", """
                @Api
                public interface Greetings {
                  @Post("/shout") @WasmExport(module = "echo", function = "echo") String shout(@Body String text);
                  @Get("/hello/{name}") String hello(@PathParam("name") String name);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        Class<?> wasm = generatedClass(compilation, "GreetingsWasm");
        assertTrue(Modifier.isAbstract(wasm.getModifiers()), "abstract");
        Constructor<?> constructor = wasm.getDeclaredConstructor(WasmModules.class);
        assertTrue(Modifier.isProtected(constructor.getModifiers()), "protected constructor");
        assertEquals(Class.forName("test.Greetings", false, wasm.getClassLoader()), wasm.getInterfaces()[0]);
    }

    @Test
    void apiImplementedWhollyByWasmGetsBothRoutesAndAFinalClass() throws Exception {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Echo", """
                @Api
                public interface Echo {
                  @Post("/echo") @WasmExport(module = "echo") byte[] echo(@Body byte[] body);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.EchoRoutes");
        assertTrue(Modifier.isFinal(generatedClass(compilation, "EchoWasm").getModifiers()));
    }

    @Test
    void bindingCallsTheExportNamedByFunction() {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Calc", """
                public interface Calc {
                  @WasmExport(module = "echo", function = "add") int plus(int a, int b);
                }
                """));
        assertThat(compilation).generatedSourceFile("test.CalcWasm")
                .contentsAsUtf8String().contains("guest.call(\"add\", a, b)");
    }

    /** @Compute on the interface: its Java methods go through the compute threads, its wasm-bound ones do not (they have guest threads). */
    @Test
    void computeOnAnInterfaceOffloadsItsJavaMethodsOnly() {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Calc", """
                @Api @Compute
                public interface Calc {
                  @Get("/java") int java(@QueryParam("n") int n);
                  @Get("/add") @WasmExport(module = "echo", function = "add") int add(@QueryParam("a") int a, @QueryParam("b") int b);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.CalcRoutes").contentsAsUtf8String()
                .contains("Response.ofJsonValue(Compute.run(() -> api.java(n)))");
        assertThat(compilation).generatedSourceFile("test.CalcRoutes").contentsAsUtf8String()
                .contains("Response.ofJsonValue(api.add(a, b))");
    }

    @Test
    void aVoidExportRunsWithoutAResult() {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Calc", """
                public interface Calc {
                  @WasmExport(module = "bare") void reset();
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.CalcWasm").contentsAsUtf8String()
                .contains("bareModule.run(guest -> {");
    }

    @Test
    void booleansCrossAsI32() {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Calc", """
                public interface Calc {
                  @WasmExport(module = "bare", function = "add") boolean both(boolean a, Boolean b);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.CalcWasm").contentsAsUtf8String()
                .contains("guest.call(\"add\", WasmValues.i32(a), WasmValues.i32(b))");
    }

    @Test
    void requestParameterIsNotPassedToTheGuest() {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Echo", """
                @Api
                public interface Echo {
                  @Post("/echo") @WasmExport(module = "echo") String echo(Request request, @Body String text);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.EchoWasm").contentsAsUtf8String()
                .contains("guest.call(\"echo\", textBuffer.pointer(), textBuffer.length())");
    }

    /** A guest reads the principal through the {@code principal} host call (docs/guest-abi.md), not as an argument. */
    @Test
    void principalParameterIsNotPassedToTheGuest() {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Echo", """
                @Api
                public interface Echo {
                  @Post("/echo") @dev.weft.annotations.security.Authenticated @WasmExport(module = "echo") String echo(Principal caller, @Body String text);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.EchoWasm").contentsAsUtf8String()
                .contains("guest.call(\"echo\", textBuffer.pointer(), textBuffer.length())");
    }

    @Test
    void parametersNamedLikeTheGeneratedLocalsCompile() {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Echo", """
                public interface Echo {
                  @WasmExport(module = "echo") String echo(String guest);
                  @WasmExport(module = "echo", function = "echo") byte[] raw(byte[] results);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
    }

    /** The call borrows from {@code <module>Module.borrow()}, and a parameter of that name hides the field. */
    @Test
    void parameterNamedLikeTheModuleFieldCompiles() {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Calc", """
                public interface Calc {
                  @WasmExport(module = "bare") int add(int bareModule, int b);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
    }

    /** A method without @WasmExport in an interface without @Api is Java's to implement; Weft has no say in it. */
    @Test
    void methodsLeftToJavaMayTakeAnyType() {
        Compilation compilation = Compilers.compileWithModules(Sources.weft("Calc", """
                public interface Calc {
                  @WasmExport(module = "bare") int add(int a, int b);
                  void log(Object message);
                  <T> List<T> copy(List<T> values);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
    }
}
