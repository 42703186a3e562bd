package dev.weft.maven;

import com.dylibso.chicory.build.time.compiler.Config;
import com.dylibso.chicory.build.time.compiler.Generator;
import com.dylibso.chicory.compiler.InterpreterFallback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles one wasm module to JVM bytecode ahead of time with Chicory's build-time compiler.
 * Chicory writes three things, all named after the module's class:
 *
 * <ul>
 *   <li>{@code <Class>Machine.class} and its helpers: the module's functions as bytecode (resources);
 *   <li>{@code <Class>.meta}: the module without its code, for the runtime to learn its memory,
 *       tables and exports from (resources);
 *   <li>{@code <Class>.java}: {@code load()} and {@code create(Instance)}, the entry points the
 *       generated Weft code calls (sources, compiled with the project).
 * </ul>
 *
 * <p>Then {@link InterruptionCheckPass} replaces Chicory's interruption check at every loop
 * back-edge of the machine's classes with a countdown that calls Weft's {@code GuestPoll}.
 */
final class AotCompiler {

    /** Chicory names the method of wasm function N {@code func_N}. */
    private static final Pattern FUNCTION_METHOD = Pattern.compile("func_(\\d+)\\(");

    private final Path classesDirectory;
    private final Path sourcesDirectory;
    private final InterpreterFallback interpreterFallback;

    AotCompiler(Path classesDirectory, Path sourcesDirectory, InterpreterFallback interpreterFallback) {
        this.classesDirectory = classesDirectory;
        this.sourcesDirectory = sourcesDirectory;
        this.interpreterFallback = interpreterFallback;
    }

    /**
     * Compiles {@code wasm} to the class {@code qualifiedName}.
     *
     * @return the functions Chicory could not compile and left to its interpreter
     */
    Set<Integer> compile(Path wasm, String qualifiedName) throws IOException {
        Generator generator = new Generator(Config.builder()
                .withWasmFile(wasm)
                .withName(qualifiedName)
                .withTargetClassFolder(classesDirectory)
                .withTargetWasmFolder(classesDirectory)
                .withTargetSourceFolder(sourcesDirectory)
                .withInterpreterFallback(interpreterFallback)
                .withInterpretedFunctions(Set.of())
                .build());
        Set<Integer> interpreted = generator.generateResources();
        generator.generateMetaWasm(interpreted);
        generator.generateSources();
        InterruptionCheckPass.rewrite(classesDirectory, qualifiedName);
        Files.writeString(passMarker(qualifiedName), InterruptionCheckPass.VERSION);
        return interpreted;
    }

    /**
     * The functions of {@code qualifiedName}'s machine whose bytecode is longer than HotSpot
     * compiles ({@link MethodSizes#HUGE_METHOD_LIMIT}): function index to bytecode length.
     */
    SortedMap<Integer, Integer> functionsTooLargeForTheJit(String qualifiedName) throws IOException {
        SortedMap<Integer, Integer> tooLarge = new TreeMap<>();
        for (Path file : MachineClasses.of(classesDirectory, qualifiedName)) {
            MethodSizes.codeLengths(Files.readAllBytes(file)).forEach((method, length) -> {
                Matcher function = FUNCTION_METHOD.matcher(method);
                if (length > MethodSizes.HUGE_METHOD_LIMIT && function.lookingAt()) {
                    tooLarge.put(Integer.parseInt(function.group(1)), length);
                }
            });
        }
        return tooLarge;
    }

    /** Whether the outputs for {@code qualifiedName} are all present, so that an unchanged module can be skipped. */
    boolean hasOutputs(String qualifiedName) {
        String path = qualifiedName.replace('.', '/');
        return Files.isRegularFile(classesDirectory.resolve(path + "Machine.class"))
                && Files.isRegularFile(classesDirectory.resolve(path + ".meta"))
                && Files.isRegularFile(sourcesDirectory.resolve(path + ".java"))
                && passed(qualifiedName);
    }

    /**
     * Whether the classes went through this version of {@link InterruptionCheckPass}: outputs of
     * an older plugin are compiled again. The marker lies beside the generated source, where it
     * is neither compiled nor packaged.
     */
    private boolean passed(String qualifiedName) {
        try {
            Path marker = passMarker(qualifiedName);
            return Files.isRegularFile(marker) && Files.readString(marker).equals(InterruptionCheckPass.VERSION);
        } catch (IOException e) {
            return false;
        }
    }

    private Path passMarker(String qualifiedName) {
        return sourcesDirectory.resolve(qualifiedName.replace('.', '/') + ".weft-pass");
    }
}
