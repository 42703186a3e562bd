package dev.weft.maven;

import dev.weft.wasm.abi.ModuleManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/**
 * Removes everything an earlier build made for a module that no longer exists. An incremental
 * build keeps {@code target/}, and whatever survives there is still found: the annotation
 * processor reads manifests from the class output ({@code target/classes}, where Maven copied
 * them), and the jar takes every class it finds. So a module's manifest, its generated source, its
 * machine classes and {@code .meta}, and the copies and compiled classes in the class output all
 * go when the module goes.
 */
final class StaleModules {

    private final Path generatedResources;
    private final Path generatedSources;
    private final Path classOutput;
    private final Log log;

    /** @param classOutput the project's class output, or null when it has none */
    StaleModules(Path generatedResources, Path generatedSources, Path classOutput, Log log) {
        this.generatedResources = generatedResources;
        this.generatedSources = generatedSources;
        this.classOutput = classOutput;
        this.log = log;
    }

    /** Removes the outputs of every module that has a manifest but is not among {@code current}. */
    void removeAllBut(Map<ModuleName, String> current) throws IOException {
        Map<String, String> stale = staleClassNames(current.keySet().stream().map(ModuleName::value).toList());
        List<String> kept = current.values().stream().map(StaleModules::simpleName).toList();
        for (Map.Entry<String, String> module : stale.entrySet()) {
            String className = module.getValue();
            for (Path root : roots()) {
                Files.deleteIfExists(root.resolve(ModuleManifest.resourcePath(module.getKey())));
                if (className != null) {
                    deleteClassFiles(root.resolve(packageFolder(className)), simpleName(className), kept);
                }
            }
            log.info("Removed the outputs of wasm module '" + module.getKey() + "', which no longer exists");
        }
    }

    /** Module name to class name (null when its manifest cannot be read) of each manifest not in {@code current}. */
    private Map<String, String> staleClassNames(Collection<String> current) throws IOException {
        Map<String, String> stale = new LinkedHashMap<>();
        for (Path root : roots()) {
            for (Path file : GuestBuilder.list(root.resolve(ModuleManifest.RESOURCE_FOLDER))) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".properties")) {
                    continue;
                }
                String name = fileName.substring(0, fileName.length() - ".properties".length());
                if (!current.contains(name) && stale.get(name) == null) {
                    stale.put(name, classNameIn(file));
                }
            }
        }
        return stale;
    }

    private static String classNameIn(Path manifest) {
        try {
            return ModuleManifest.read(Files.readString(manifest)).className();
        } catch (IOException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    /**
     * Deletes {@code <Class>.java}, {@code <Class>.class}, {@code <Class>$*.class}, {@code <Class>.meta}
     * and Chicory's {@code <Class>Machine*.class}, unless a current module's class owns the file too
     * (module {@code a}'s {@code AModuleMachine…} prefix could match module {@code a-module-machine}'s).
     */
    private static void deleteClassFiles(Path folder, String simpleName, List<String> kept) throws IOException {
        for (Path file : GuestBuilder.list(folder)) {
            String fileName = file.getFileName().toString();
            if (Files.isRegularFile(file) && ownedBy(fileName, simpleName)
                    && kept.stream().noneMatch(other -> ownedBy(fileName, other))) {
                Files.delete(file);
            }
        }
    }

    private static boolean ownedBy(String fileName, String simpleName) {
        return fileName.startsWith(simpleName + ".") || fileName.startsWith(simpleName + "$")
                || fileName.startsWith(simpleName + "Machine");
    }

    private List<Path> roots() {
        List<Path> roots = new ArrayList<>(List.of(generatedResources, generatedSources));
        if (classOutput != null) {
            roots.add(classOutput);
        }
        return roots;
    }

    private static Path packageFolder(String className) {
        int dot = className.lastIndexOf('.');
        return Path.of(dot < 0 ? "" : className.substring(0, dot).replace('.', '/'));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
