package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCompilerTest {

    private static final String CLASS_NAME = "com.example.wasm.AdderModule";

    @TempDir
    Path temp;

    private Path classes;
    private Path sources;
    private AotCompiler compiler;

    @BeforeEach
    void createCompiler() {
        classes = temp.resolve("classes");
        sources = temp.resolve("sources");
        compiler = new AotCompiler(classes, sources, InterpreterFallback.FAIL);
    }

    @Test
    void writesMachineClassMetaModuleAndSource() throws IOException {
        Set<Integer> interpreted = compiler.compile(Fixtures.wasm("adder"), CLASS_NAME);

        assertEquals(Set.of(), interpreted, "a small function compiles to bytecode");
        assertTrue(Files.isRegularFile(classes.resolve("com/example/wasm/AdderModuleMachine.class")));
        assertTrue(Files.isRegularFile(classes.resolve("com/example/wasm/AdderModule.meta")));
        String source = Files.readString(sources.resolve("com/example/wasm/AdderModule.java"));
        assertTrue(source.contains("package com.example.wasm;"), source);
        assertTrue(source.contains("public static WasmModule load()"), source);
        assertTrue(source.contains("public static Machine create(Instance instance)"), source);
    }

    @Test
    void hasOutputsOnlyOnceAllThreeAreWritten() throws IOException {
        assertFalse(compiler.hasOutputs(CLASS_NAME));
        compiler.compile(Fixtures.wasm("adder"), CLASS_NAME);
        assertTrue(compiler.hasOutputs(CLASS_NAME));
        assertFalse(compiler.hasOutputs("com.example.wasm.OtherModule"));

        Files.delete(sources.resolve("com/example/wasm/AdderModule.java"));
        assertFalse(compiler.hasOutputs(CLASS_NAME), "a missing source means the module must be compiled again");
    }

    /** The application needs no wasm code at run time: the meta module's bodies are mere traps. */
    @Test
    void theMetaModuleKeepsExportsButNoCode() throws IOException {
        compiler.compile(Fixtures.wasm("adder"), CLASS_NAME);
        WasmModule meta = Parser.parse(classes.resolve("com/example/wasm/AdderModule.meta"));
        assertEquals("add", meta.exportSection().getExport(0).name());
        assertEquals(1, meta.codeSection().functionBodyCount());
        assertEquals(Set.of(OpCode.UNREACHABLE, OpCode.END), meta.codeSection().getFunctionBody(0).instructions().stream()
                .map(Instruction::opcode)
                .collect(Collectors.toSet()));
    }

    /** The outputs work together as the project uses them: the source compiles, and the bytecode adds. */
    @Test
    void theCompiledModuleRuns() throws Exception {
        compiler.compile(Fixtures.wasm("adder"), CLASS_NAME);
        javac(sources.resolve("com/example/wasm/AdderModule.java"), classes);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> module = loader.loadClass(CLASS_NAME);
            WasmModule wasm = (WasmModule) module.getMethod("load").invoke(null);
            Function<Instance, Machine> factory = instance -> {
                try {
                    return (Machine) module.getMethod("create", Instance.class).invoke(null, instance);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            };
            Instance instance = Instance.builder(wasm).withMachineFactory(factory).build();
            assertEquals(5L, instance.export("add").apply(2, 3)[0]);
            assertEquals(-2, (int) instance.export("add").apply(Integer.MAX_VALUE, Integer.MAX_VALUE)[0],
                    "i32 arithmetic wraps");
            assertEquals("com.example.wasm.AdderModuleMachine", factory.apply(instance).getClass().getName());
        }
    }

    /** HotSpot never JIT-compiles a method over 8000 bytes: such a function is found and measured. */
    @Test
    void findsTheFunctionsTooLargeForTheJit() throws IOException {
        compiler.compile(Fixtures.wasm("huge"), "com.example.wasm.HugeModule");

        SortedMap<Integer, Integer> tooLarge = compiler.functionsTooLargeForTheJit("com.example.wasm.HugeModule");
        assertEquals(Set.of(1), tooLarge.keySet(), "only the second function (func_1), not the one-line func_0");
        assertTrue(tooLarge.get(1) > MethodSizes.HUGE_METHOD_LIMIT, tooLarge.toString());

        Map<String, Integer> lengths = new TreeMap<>();
        for (Path file : MachineClasses.of(classes, "com.example.wasm.HugeModule")) {
            lengths.putAll(MethodSizes.codeLengths(Files.readAllBytes(file)));
        }
        int small = lengths.entrySet().stream().filter(entry -> entry.getKey().startsWith("func_0("))
                .mapToInt(Map.Entry::getValue).findFirst().orElseThrow();
        assertTrue(small > 0 && small < 100, "func_0 is a few bytes: " + lengths);
        assertEquals(tooLarge.get(1), lengths.entrySet().stream().filter(entry -> entry.getKey().startsWith("func_1("))
                .map(Map.Entry::getValue).findFirst().orElseThrow());

        compiler.compile(Fixtures.wasm("adder"), CLASS_NAME);
        assertEquals(Map.of(), compiler.functionsTooLargeForTheJit(CLASS_NAME));
    }

    private static void javac(Path source, Path output) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("java.class.path") + File.pathSeparator + output;
        int exit = javac.run(null, null, null,
                List.of("-d", output.toString(), "-cp", classPath, "-proc:none", source.toString()).toArray(String[]::new));
        assertEquals(0, exit, "javac of the generated source");
    }
}
