package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.compiler.InterpreterFallback;
import dev.weft.wasm.abi.ModuleManifest;
import dev.weft.wasm.abi.WasmSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mojo run directly, as Maven would configure it, on a project in a temporary folder. Rust
 * crates are "built" by a fake cargo that copies a fixture, so no toolchain is needed here; the
 * ITs run the real one.
 */
class CompileWasmMojoTest {

    @TempDir
    Path basedir;

    private Path target;
    private Path cargoRuns;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void createProject() throws IOException {
        target = basedir.resolve("target");
        cargoRuns = basedir.resolve("cargo-runs.txt");
    }

    @Test
    void compilesEveryWasmFileAndRecordsItsExports() throws Exception {
        wasmFile("adder", "adder");
        wasmFile("exports", "exports");
        CompileWasmMojo mojo = mojo();

        mojo.execute();

        ModuleManifest adder = manifest("adder");
        assertEquals("com.example.wasm.AdderModule", adder.className());
        assertEquals("src/main/wasm/adder.wasm", adder.source());
        assertEquals(SourceFingerprint.ofFile(basedir.resolve("src/main/wasm/adder.wasm")), adder.sha256());
        assertEquals(WasmSignature.parse("(i32,i32)->(i32)"), adder.exports().get("add"));
        assertEquals("com.example.wasm.ExportsModule", manifest("exports").className());
        assertTrue(Files.isRegularFile(resources().resolve("com/example/wasm/ExportsModuleMachine.class")));
        assertTrue(Files.isRegularFile(target.resolve("generated-sources/weft-wasm/com/example/wasm/AdderModule.java")));

        MavenProject project = mojo.project;
        assertTrue(project.getCompileSourceRoots().contains(target.resolve("generated-sources/weft-wasm").toString()),
                project.getCompileSourceRoots().toString());
        assertTrue(project.getResources().stream().map(Resource::getDirectory).toList().contains(resources().toString()));
        assertTrue(log.contains("Compiled wasm module 'adder' to com.example.wasm.AdderModule"), log.toString());
    }

    @Test
    void anUnchangedModuleIsNotCompiledAgainButAChangedOneIs() throws Exception {
        wasmFile("adder", "adder");
        mojo().execute();
        log.clear();

        mojo().execute();
        assertTrue(log.contains("wasm module 'adder' is unchanged"), log.toString());

        log.clear();
        wasmFile("adder", "exports");
        mojo().execute();
        assertTrue(log.contains("Compiled wasm module 'adder' to com.example.wasm.AdderModule"), log.toString());
        assertTrue(manifest("adder").exports().containsKey("scale"));
    }

    @Test
    void aModuleWhoseOutputsAreGoneIsCompiledAgain() throws Exception {
        wasmFile("adder", "adder");
        mojo().execute();
        Files.delete(resources().resolve("com/example/wasm/AdderModuleMachine.class"));
        log.clear();

        mojo().execute();
        assertTrue(log.contains("Compiled wasm module 'adder' to com.example.wasm.AdderModule"), log.toString());
    }

    /**
     * An incremental build keeps target/: Maven copied the manifest and machine classes to
     * target/classes, where the processor reads manifests, and compiled the module's class there.
     */
    @Test
    void everythingMadeForAModuleThatIsGoneIsRemoved() throws Exception {
        wasmFile("adder", "adder");
        wasmFile("exports", "exports");
        mojo().execute();
        Path classes = target.resolve("classes");
        copyTree(resources(), classes);
        Files.writeString(classes.resolve("com/example/wasm/AdderModule.class"), "compiled");
        Files.writeString(classes.resolve("com/example/wasm/ExportsModule.class"), "compiled");
        Files.writeString(classes.resolve("com/example/wasm/ExportsModule$1.class"), "compiled");
        Files.delete(basedir.resolve("src/main/wasm/exports.wasm"));
        log.clear();

        mojo().execute();
        assertTrue(log.contains("Removed the outputs of wasm module 'exports', which no longer exists"), log.toString());
        for (Path root : List.of(resources(), classes, target.resolve("generated-sources/weft-wasm"))) {
            List<String> left = filesUnder(root);
            assertTrue(left.stream().noneMatch(file -> file.contains("exports") || file.contains("Exports")),
                    root + ": " + left);
        }
        assertTrue(Files.isRegularFile(resources().resolve("META-INF/weft/modules/adder.properties")));
        assertTrue(Files.isRegularFile(classes.resolve("META-INF/weft/modules/adder.properties")));
        assertTrue(Files.isRegularFile(classes.resolve("com/example/wasm/AdderModule.class")));
        assertTrue(Files.isRegularFile(classes.resolve("com/example/wasm/AdderModuleMachine.class")));
        assertTrue(Files.isRegularFile(classes.resolve("com/example/wasm/AdderModule.meta")));
        assertTrue(Files.isRegularFile(target.resolve("generated-sources/weft-wasm/com/example/wasm/AdderModule.java")));
    }

    /** Module {@code a}'s class AModule is a prefix of module {@code a-module-machine}'s AModuleMachineModule. */
    @Test
    void theOutputsOfAModuleWhoseClassSharesAPrefixWithAGoneOneStay() throws Exception {
        wasmFile("a", "adder");
        wasmFile("a-module-machine", "exports");
        mojo().execute();
        Files.delete(basedir.resolve("src/main/wasm/a.wasm"));

        mojo().execute();
        assertFalse(Files.exists(resources().resolve("com/example/wasm/AModuleMachine.class")));
        assertTrue(Files.isRegularFile(resources().resolve("com/example/wasm/AModuleMachineModuleMachine.class")));
        assertTrue(Files.isRegularFile(resources().resolve("com/example/wasm/AModuleMachineModule.meta")));
        assertTrue(Files.isRegularFile(resources().resolve("META-INF/weft/modules/a-module-machine.properties")));
    }

    @Test
    void aCrateIsBuiltWithCargoOnlyWhenItsSourcesChanged() throws Exception {
        Path crate = crate("adder");
        CompileWasmMojo mojo = mojo();
        mojo.execute();
        assertEquals(1, cargoRunCount());
        assertTrue(log.contains("Building Rust guests with cargo at " + mojo.cargo), log.toString());
        assertEquals("src/main/rust/adder", manifest("adder").source());

        log.clear();
        mojo().execute();
        assertEquals(1, cargoRunCount(), "unchanged sources need no cargo");
        assertTrue(log.contains("Rust crate 'adder' is up to date"), log.toString());
        assertTrue(log.contains("wasm module 'adder' is unchanged"), log.toString());

        Files.writeString(crate.resolve("src/lib.rs"), "// changed\n", StandardOpenOption.APPEND);
        mojo().execute();
        assertEquals(2, cargoRunCount());
    }

    @Test
    void aCrateWithoutCargoLockIsUpToDateAfterItsFirstBuild() throws Exception {
        Path crate = crate("adder");
        Files.delete(crate.resolve("Cargo.lock"));
        mojo().execute();
        assertTrue(Files.exists(crate.resolve("Cargo.lock")), "the fake cargo writes it as cargo does");

        mojo().execute();
        assertEquals(1, cargoRunCount());
    }

    @Test
    void anotherCargoBuildsTheCrateAgain() throws Exception {
        crate("adder");
        mojo().execute();
        Path otherCargo = Files.copy(fakeCargo(), basedir.resolve("other-cargo"), StandardCopyOption.COPY_ATTRIBUTES);

        CompileWasmMojo mojo = mojo();
        mojo.cargo = otherCargo.toFile();
        mojo.execute();
        assertEquals(2, cargoRunCount());
    }

    @Test
    void aCargoThatCannotBeRunFailsTheBuildNamingIt() throws Exception {
        crate("adder");
        CompileWasmMojo mojo = mojo();
        mojo.cargo = basedir.resolve("no/such/cargo").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Building wasm modules failed: Cannot run program \"" + mojo.cargo + "\""),
                e.getMessage());
    }

    @Test
    void aCrateWhoseWasmIsGoneIsBuiltAgain() throws Exception {
        crate("adder");
        mojo().execute();
        Files.delete(target.resolve("cargo/wasm32-unknown-unknown/release/adder.wasm"));

        mojo().execute();
        assertEquals(2, cargoRunCount());
    }

    @Test
    void aCrateAndAWasmFileWithTheSameNameAreRefused() throws Exception {
        crate("adder");
        wasmFile("adder", "adder");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo().execute());
        assertEquals("two wasm modules are named 'adder': src/main/rust/adder and src/main/wasm/adder.wasm; rename one",
                e.getMessage());
    }

    /** cargo names the .wasm after the library, and all crates share one target folder to build std once. */
    @Test
    void twoCratesBuildingTheSameLibraryAreRefusedBeforeAnythingIsBuilt() throws Exception {
        crate("first", "guest");
        crate("second", "guest");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo().execute());
        assertEquals("Rust crates 'first' and 'second' (in " + basedir.resolve("src/main/rust") + ") both build library"
                + " 'guest' for wasm32-unknown-unknown, so one .wasm would overwrite the other's in the shared cargo"
                + " target folder; give one of them another [package] or [lib] name", e.getMessage());
        assertEquals(0, cargoRunCount());
    }

    @Test
    void twoCratesBuildingTheSameLibraryForDifferentTargetsAreFine() throws Exception {
        crate("first", "guest");
        Path second = crate("second", "guest");
        Files.writeString(second.resolve("Cargo.toml"), "[package.metadata.weft]\ntarget = \"wasm32-wasip1\"\n",
                StandardOpenOption.APPEND);
        assertEquals(List.of("first", "second"), GuestBuilder.crates(basedir.resolve("src/main/rust")).stream()
                .map(crate -> crate.module().value()).toList());
    }

    @Test
    void twoModulesThatWouldShareAClassAreRefused() throws Exception {
        wasmFile("a-b", "adder");
        wasmFile("a_b", "exports");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo().execute());
        assertTrue(e.getMessage().contains("ABModule"), e.getMessage());
    }

    @Test
    void aWasmFileThatIsNoModuleNameIsRefused() throws Exception {
        wasmFile("Adder", "adder");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo().execute());
        assertTrue(e.getMessage().contains("'Adder' is not a valid wasm module name"), e.getMessage());
    }

    @Test
    void aModuleWithAnImportWeftDoesNotOfferFailsTheBuild() throws Exception {
        wasmFile("env-import", "env-import");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo().execute());
        assertTrue(e.getMessage().contains("(src/main/wasm/env-import.wasm) imports env.foo(i32)->(i32)"), e.getMessage());
        assertFalse(Files.exists(resources().resolve("META-INF/weft/modules/env-import.properties")));
    }

    @Test
    void aPackageNameThatIsNoJavaNameIsRefusedBeforeAnythingIsBuilt() throws Exception {
        crate("adder");
        for (String packageName : List.of("com.example.class", "com.3d", "com..wasm", "com-example", "")) {
            CompileWasmMojo mojo = mojo();
            mojo.packageName = packageName;
            MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
            assertEquals("packageName '" + packageName + "' is not a Java package name; set <packageName> in the"
                    + " plugin's configuration", e.getMessage());
        }
        assertEquals(0, cargoRunCount());
    }

    @Test
    void skipDoesNothing() throws Exception {
        wasmFile("adder", "adder");
        CompileWasmMojo mojo = mojo();
        mojo.skip = true;
        mojo.execute();
        assertFalse(Files.exists(target));
        assertTrue(mojo.project.getCompileSourceRoots().isEmpty());
    }

    /** A function HotSpot will never compile is named at every build, the incremental ones too. */
    @Test
    void warnsOfAFunctionTooLargeForTheJitAtEveryBuild() throws Exception {
        wasmFile("huge", "huge");
        wasmFile("adder", "adder");
        mojo().execute();
        mojo().execute();

        List<String> warnings = log.stream().filter(line -> line.startsWith("WARNING")).toList();
        assertEquals(2, warnings.size(), log.toString());
        for (String warning : warnings) {
            assertTrue(warning.startsWith("WARNING wasm module 'huge': function 1 compiles to "), warning);
            assertTrue(warning.contains("over the 8000 that HotSpot JIT-compiles, so it will run interpreted"), warning);
        }
        assertTrue(log.contains("wasm module 'huge' is unchanged"), log.toString());
    }

    @Test
    void aProjectWithoutModulesIsFine() throws Exception {
        CompileWasmMojo mojo = mojo();
        mojo.execute();
        assertTrue(Files.isDirectory(resources().resolve("META-INF/weft/modules")));
    }

    /** A mojo configured with the defaults its @Parameter annotations give, for the project in basedir. */
    private CompileWasmMojo mojo() throws IOException {
        CompileWasmMojo mojo = new CompileWasmMojo();
        MavenProject project = new MavenProject();
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.getBuild().setOutputDirectory(target.resolve("classes").toString());
        mojo.project = project;
        mojo.rustDirectory = basedir.resolve("src/main/rust").toFile();
        mojo.wasmDirectory = basedir.resolve("src/main/wasm").toFile();
        mojo.packageName = "com.example.wasm";
        mojo.cargo = fakeCargo().toFile();
        mojo.cargoTargetDirectory = target.resolve("cargo").toFile();
        mojo.generatedSourcesDirectory = target.resolve("generated-sources/weft-wasm").toFile();
        mojo.generatedResourcesDirectory = resources().toFile();
        mojo.workDirectory = target.resolve("weft-wasm").toFile();
        mojo.interpreterFallback = InterpreterFallback.FAIL;
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                // Timings vary; keep each message up to its first " in " so tests can compare it.
                String message = content.toString();
                int timing = message.indexOf(" in ");
                log.add(timing < 0 || message.startsWith("Building") ? message : message.substring(0, timing));
            }

            @Override
            public void warn(CharSequence content) {
                log.add("WARNING " + content);
            }
        });
        return mojo;
    }

    /** What Maven's resources phase does with the plugin's generated resources. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    private static List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString()).toList();
        }
    }

    private Path resources() {
        return target.resolve("generated-resources/weft-wasm");
    }

    private ModuleManifest manifest(String module) throws IOException {
        return ModuleManifest.read(Files.readString(resources().resolve("META-INF/weft/modules/" + module + ".properties")));
    }

    private void wasmFile(String module, String fixture) throws IOException {
        Path directory = Files.createDirectories(basedir.resolve("src/main/wasm"));
        Files.copy(Fixtures.wasm(fixture), directory.resolve(module + ".wasm"), StandardCopyOption.REPLACE_EXISTING);
    }

    private Path crate(String name) throws IOException {
        return crate(name, name);
    }

    /** A crate in folder {@code name} whose Cargo.toml names the package {@code packageName}. */
    private Path crate(String name, String packageName) throws IOException {
        Path crate = Files.createDirectories(basedir.resolve("src/main/rust").resolve(name).resolve("src"))
                .getParent();
        Files.writeString(crate.resolve("Cargo.toml"), "[package]\nname = \"" + packageName + "\"\n");
        Files.writeString(crate.resolve("src/lib.rs"), "// a guest\n");
        Files.writeString(crate.resolve("Cargo.lock"), "version = 4\n");
        return crate;
    }

    /** Writes the fixture adder.wasm where cargo would write the crate's, and counts its runs. */
    private Path fakeCargo() throws IOException {
        Path script = basedir.resolve("fake-cargo");
        if (!Files.exists(script)) {
            Files.writeString(script, """
                    #!/bin/sh
                    echo run >> '%s'
                    # like cargo, write the lock file on the first build (it runs in the crate's folder)
                    [ -f Cargo.lock ] || echo 'version = 4' > Cargo.lock
                    while [ "$1" != "--target-dir" ]; do shift; done
                    mkdir -p "$2/wasm32-unknown-unknown/release"
                    cp '%s' "$2/wasm32-unknown-unknown/release/adder.wasm"
                    """.formatted(cargoRuns, Fixtures.wasm("adder")));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return script;
    }

    private int cargoRunCount() throws IOException {
        return Files.exists(cargoRuns) ? Files.readAllLines(cargoRuns).size() : 0;
    }
}
