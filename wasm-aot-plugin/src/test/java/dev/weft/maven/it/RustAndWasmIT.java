package dev.weft.maven.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Properties;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * src/it/rust-and-wasm built three times, as a developer would: from scratch, again unchanged,
 * and after editing the crate. Each step depends on the one before, so they run in order and a
 * step is skipped when the previous one failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RustAndWasmIT {

    private static final String CLASSES = "target/classes/dev/weft/it/wasm/";
    private static final String MANIFESTS = "target/classes/META-INF/weft/modules/";
    private static final String ADDER_MACHINE = "target/generated-resources/weft-wasm/dev/weft/it/wasm/AdderModuleMachine.class";

    private ItProject project;
    private boolean previousStepPassed;

    @BeforeAll
    void copyProject() throws IOException {
        project = ItProject.copy("rust-and-wasm");
    }

    @Test
    @Order(1)
    void firstBuildCompilesTheCrateAndTheWasmFileAndTheModulesRun() throws Exception {
        ItProject.Build build = project.build().assertSucceeded();

        build.assertLogged(
                "Building Rust crate 'adder' with cargo (release, wasm32-unknown-unknown)",
                "Built Rust crate 'adder' in",
                "Compiled wasm module 'adder' to dev.weft.it.wasm.AdderModule",
                "Compiled wasm module 'scale' to dev.weft.it.wasm.ScaleModule");
        for (String module : new String[] {"AdderModule", "ScaleModule"}) {
            for (String output : new String[] {".class", "Machine.class", ".meta"}) {
                assertTrue(Files.isRegularFile(project.file(CLASSES + module + output)), module + output);
            }
        }

        Properties adder = properties(MANIFESTS + "adder.properties");
        assertEquals("(i32,i32)->(i32)", adder.getProperty("export.add"));
        assertEquals(null, adder.getProperty("export.sub"), "step 3 adds it; a stale build would have it now");
        assertEquals("src/main/rust/adder", adder.getProperty("source"));
        assertEquals("dev.weft.it.wasm.AdderModule", adder.getProperty("class"));
        Properties scale = properties(MANIFESTS + "scale.properties");
        assertEquals("(f64,f32)->(f64)", scale.getProperty("export.scale"));
        assertEquals("src/main/wasm/scale.wasm", scale.getProperty("source"));

        // [package.metadata.weft] stack-size = "16KiB": the linker's 1 MiB stack would need 17 pages.
        WasmModule adderModule = Parser.parse(project.file(CLASSES + "AdderModule.meta"));
        assertEquals(1, adderModule.memorySection().orElseThrow().getMemory(0).limits().initialPages());
        assertEquals(16 * 1024, stackPointer(adderModule), "__stack_pointer starts at the top of the 16 KiB stack");

        // The project's own test called both modules through the processor's CalculatorWasm.
        assertTrue(Files.isRegularFile(project.file("target/classes/dev/weft/it/CalculatorWasm.class")));
        build.assertLogged("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed:",
                "in dev.weft.it.CalculatorTest");
        previousStepPassed = true;
    }

    @Test
    @Order(2)
    void aSecondBuildRunsNoCargoAndCompilesNothing() throws Exception {
        assumeTrue(previousStepPassed, "needs the first build");
        previousStepPassed = false;
        FileTime compiled = Files.getLastModifiedTime(project.file(ADDER_MACHINE));

        project.build().assertSucceeded()
                .assertLogged(
                        "Rust crate 'adder' is up to date",
                        "wasm module 'adder' is unchanged",
                        "wasm module 'scale' is unchanged",
                        "in dev.weft.it.CalculatorTest")
                .assertNotLogged("Building Rust", "Compiled wasm module");
        assertEquals(compiled, Files.getLastModifiedTime(project.file(ADDER_MACHINE)));
        previousStepPassed = true;
    }

    @Test
    @Order(3)
    void anEditedCrateIsBuiltAndCompiledAgain() throws Exception {
        assumeTrue(previousStepPassed, "needs the second build");
        Files.writeString(project.file("src/main/rust/adder/src/lib.rs"), """

                #[unsafe(no_mangle)]
                pub extern "C" fn sub(a: i32, b: i32) -> i32 {
                    a.wrapping_sub(b)
                }
                """, StandardOpenOption.APPEND);

        project.build().assertSucceeded()
                .assertLogged(
                        "Building Rust crate 'adder' with cargo",
                        "Compiled wasm module 'adder' to dev.weft.it.wasm.AdderModule",
                        "wasm module 'scale' is unchanged",
                        "in dev.weft.it.CalculatorTest")
                .assertNotLogged("Rust crate 'adder' is up to date");
        Properties adder = properties(MANIFESTS + "adder.properties");
        assertEquals("(i32,i32)->(i32)", adder.getProperty("export.sub"));
        assertEquals("(i32,i32)->(i32)", adder.getProperty("export.add"));
    }

    /** The initial value of the module's first global, which wasm-ld makes {@code __stack_pointer}. */
    private static long stackPointer(WasmModule module) {
        Instruction init = module.globalSection().getGlobal(0).initInstructions().get(0);
        assertEquals(OpCode.I32_CONST, init.opcode());
        return init.operand(0);
    }

    private Properties properties(String relative) throws IOException {
        Path file = project.file(relative);
        assertTrue(Files.isRegularFile(file), file.toString());
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
