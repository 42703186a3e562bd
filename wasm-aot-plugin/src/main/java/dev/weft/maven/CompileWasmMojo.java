package dev.weft.maven;

import com.dylibso.chicory.compiler.InterpreterFallback;
import dev.weft.wasm.abi.ModuleManifest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Builds the project's wasm modules and compiles them to JVM bytecode.
 *
 * <ol>
 *   <li>Every folder of {@code src/main/rust} with a Cargo.toml is a guest crate: it is built with
 *       cargo in release mode, unless its sources did not change since the last build.
 *   <li>Every {@code .wasm} file of {@code src/main/wasm} is a module too, from any language.
 *   <li>Each module's imports are checked against what Weft offers; then Chicory compiles it to
 *       bytecode, and its exports are recorded in a manifest the annotation processor reads to
 *       check {@code @WasmExport} bindings.
 * </ol>
 *
 * The running server never parses code or compiles wasm for these modules, and the application
 * needs neither Chicory's compiler nor ASM at run time.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class CompileWasmMojo extends AbstractGuestMojo {

    /** Folder of ready-made .wasm modules. */
    @Parameter(property = "weft.wasm.wasmDirectory", defaultValue = "${project.basedir}/src/main/wasm")
    File wasmDirectory;

    /** Java package of the classes the modules are compiled to. */
    @Parameter(property = "weft.wasm.packageName", defaultValue = "${project.groupId}.wasm")
    String packageName;

    @Parameter(defaultValue = "${project.build.directory}/generated-sources/weft-wasm")
    File generatedSourcesDirectory;

    @Parameter(defaultValue = "${project.build.directory}/generated-resources/weft-wasm")
    File generatedResourcesDirectory;

    /** What to do with a function too large for one JVM method: FAIL the build, or WARN and interpret it. */
    @Parameter(property = "weft.wasm.interpreterFallback", defaultValue = "FAIL")
    InterpreterFallback interpreterFallback;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    void buildModules() throws IOException, InterruptedException, MojoFailureException {
        if (!SourceVersion.isName(packageName)) {
            throw new MojoFailureException("packageName '" + packageName + "' is not a Java package name;"
                    + " set <packageName> in the plugin's configuration");
        }
        // Names are checked before anything is built, so that a clash fails at once.
        Map<ModuleName, String> names = new LinkedHashMap<>();
        List<RustCrate> crates = GuestBuilder.crates(rustDirectory.toPath());
        for (RustCrate crate : crates) {
            claim(names, crate.module(), relative(crate.directory()));
        }
        List<Path> wasmFiles = wasmFiles();
        for (Path wasm : wasmFiles) {
            claim(names, moduleName(wasm), relative(wasm));
        }
        GuestBuilder builder = guestBuilder();
        Map<ModuleName, ModuleSource> modules = new LinkedHashMap<>();
        for (RustCrate crate : crates) {
            modules.put(crate.module(), new ModuleSource(builder.buildIfChanged(crate), relative(crate.directory())));
        }
        for (Path wasm : wasmFiles) {
            modules.put(moduleName(wasm), new ModuleSource(wasm, relative(wasm)));
        }
        compileAll(modules);
        project.addCompileSourceRoot(generatedSourcesDirectory.getPath());
        Resource resource = new Resource();
        resource.setDirectory(generatedResourcesDirectory.getPath());
        project.addResource(resource);
    }

    /** Where a module's .wasm comes from, and how messages name that place. */
    private record ModuleSource(Path wasm, String description) {}

    /** Records a module's name; two modules with one name, or one class name, cannot both be compiled. */
    private static void claim(Map<ModuleName, String> names, ModuleName name, String source) throws MojoFailureException {
        for (Map.Entry<ModuleName, String> other : names.entrySet()) {
            if (other.getKey().equals(name)) {
                throw new MojoFailureException("two wasm modules are named '" + name + "': " + other.getValue()
                        + " and " + source + "; rename one");
            }
            if (other.getKey().className().equals(name.className())) {
                throw new MojoFailureException("wasm modules '" + other.getKey() + "' (" + other.getValue() + ") and '"
                        + name + "' (" + source + ") would both compile to class " + name.className() + "; rename one");
            }
        }
        names.put(name, source);
    }

    private static ModuleName moduleName(Path wasm) {
        String file = wasm.getFileName().toString();
        return new ModuleName(file.substring(0, file.length() - ".wasm".length()));
    }

    private void compileAll(Map<ModuleName, ModuleSource> modules)
            throws IOException, MojoFailureException {
        Path resources = generatedResourcesDirectory.toPath();
        Path manifests = resources.resolve(ModuleManifest.RESOURCE_FOLDER);
        Files.createDirectories(manifests);
        AotCompiler compiler = new AotCompiler(resources, generatedSourcesDirectory.toPath(), interpreterFallback);
        Map<ModuleName, String> classNames = new LinkedHashMap<>();
        for (Map.Entry<ModuleName, ModuleSource> module : modules.entrySet()) {
            classNames.put(module.getKey(), compile(compiler, manifests, module.getKey(), module.getValue()));
        }
        // A module that is gone must neither bind nor ship.
        String classOutput = project.getBuild() == null ? null : project.getBuild().getOutputDirectory();
        new StaleModules(resources, generatedSourcesDirectory.toPath(), classOutput == null ? null : Path.of(classOutput),
                getLog()).removeAllBut(classNames);
    }

    /** Compiles the module unless it is unchanged, and returns the name of its class. */
    private String compile(AotCompiler compiler, Path manifests, ModuleName name, ModuleSource source)
            throws IOException, MojoFailureException {
        String className = packageName + "." + name.className();
        String sha256 = SourceFingerprint.ofFile(source.wasm());
        Path manifestFile = manifests.resolve(name + ".properties");
        if (Files.isRegularFile(manifestFile) && compiler.hasOutputs(className)
                && ModuleManifest.read(Files.readString(manifestFile)).sha256().equals(sha256)) {
            getLog().info("wasm module '" + name + "' is unchanged");
            warnOfFunctionsTooLargeForTheJit(compiler, name, className);
            return className;
        }
        ModuleManifest manifest;
        try {
            manifest = ModuleInspector.inspect(name, source.wasm(), className, source.description(), sha256);
        } catch (ModuleInspector.InvalidModuleException e) {
            throw new MojoFailureException(e.getMessage());
        }
        long started = System.nanoTime();
        Set<Integer> interpreted;
        try {
            interpreted = compiler.compile(source.wasm(), className);
        } catch (RuntimeException e) {
            throw new MojoFailureException("Chicory could not compile wasm module '" + name + "' ("
                    + source.description() + "): " + e.getMessage(), e);
        }
        Files.writeString(manifestFile, manifest.write());
        getLog().info("Compiled wasm module '" + name + "' to " + className + " in " + millis(started) + " ms ("
                + manifest.exports().size() + " exports)");
        if (!interpreted.isEmpty()) {
            getLog().warn("wasm module '" + name + "': functions " + interpreted
                    + " are too large for one JVM method and will run in Chicory's interpreter");
        }
        warnOfFunctionsTooLargeForTheJit(compiler, name, className);
        return className;
    }

    /**
     * A function over HotSpot's 8000-byte limit is never JIT-compiled: it runs interpreted, about
     * a hundred times slower, and nothing at run time says why (wasm-opt -O3 did this to the
     * matmul guest). Said at every build, so that an incremental build does not hide it.
     */
    private void warnOfFunctionsTooLargeForTheJit(AotCompiler compiler, ModuleName name, String className)
            throws IOException {
        compiler.functionsTooLargeForTheJit(className).forEach((function, length) -> getLog().warn("wasm module '"
                + name + "': function " + function + " compiles to " + length + " bytes of bytecode, over the "
                + MethodSizes.HUGE_METHOD_LIMIT + " that HotSpot JIT-compiles, so it will run interpreted (about 100x"
                + " slower). Split it in the guest (e.g. #[inline(never)] on its hot part), or inline less (no"
                + " wasm-opt -O3); -XX:-DontCompileHugeMethods lifts the limit at run time"));
    }

    private String relative(Path path) {
        Path base = project.getBasedir().toPath();
        return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }

    private List<Path> wasmFiles() throws IOException {
        return GuestBuilder.list(wasmDirectory.toPath()).stream()
                .filter(file -> Files.isRegularFile(file) && file.getFileName().toString().endsWith(".wasm"))
                .toList();
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
