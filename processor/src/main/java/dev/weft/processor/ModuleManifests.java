package dev.weft.processor;

import dev.weft.wasm.abi.ModuleManifest;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds the manifests the Maven plugin wrote for the project's wasm modules. By default they are
 * read from the class output ({@code target/classes/META-INF/weft/modules}), where the plugin's
 * resources land before compilation; the option {@value #OPTION} names another folder.
 */
final class ModuleManifests {

    static final String OPTION = "weft.modules.dir";

    private final Filer filer;
    private final Path directory;
    private final Map<String, Optional<ModuleManifest>> cache = new HashMap<>();

    ModuleManifests(Filer filer, String directoryOption) {
        this.filer = filer;
        this.directory = directoryOption == null ? null : Path.of(directoryOption);
    }

    /** The manifest of module {@code name}, if the build produced one. */
    Optional<ModuleManifest> find(String name) throws IOException {
        if (!cache.containsKey(name)) {
            cache.put(name, load(name));
        }
        return cache.get(name);
    }

    private Optional<ModuleManifest> load(String name) throws IOException {
        if (directory != null) {
            Path file = directory.resolve(name + ".properties");
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try (Reader reader = Files.newBufferedReader(file)) {
                return Optional.of(ModuleManifest.read(reader));
            }
        }
        FileObject resource = classOutputResource(ModuleManifest.resourcePath(name));
        try (Reader reader = resource.openReader(true)) {
            return Optional.of(ModuleManifest.read(reader));
        } catch (IOException | IllegalArgumentException notThere) {
            // javac reports a missing resource as an exception, not as an absent value
            return Optional.empty();
        }
    }

    /** The names of the modules that do exist, for an error message that helps. */
    List<String> available() {
        Path folder = folder();
        List<String> names = new ArrayList<>();
        if (folder != null && Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.properties")) {
                for (Path file : files) {
                    String fileName = file.getFileName().toString();
                    names.add(fileName.substring(0, fileName.length() - ".properties".length()));
                }
            } catch (IOException e) {
                return List.of();
            }
        }
        names.sort(null);
        return names;
    }

    /** Where manifests are looked for, for messages. */
    String location() {
        Path folder = folder();
        return folder == null ? "the class output's " + ModuleManifest.RESOURCE_FOLDER : folder.toString();
    }

    private Path folder() {
        if (directory != null) {
            return directory;
        }
        try {
            URI uri = classOutputResource(ModuleManifest.RESOURCE_FOLDER + "any.properties").toUri();
            return "file".equals(uri.getScheme()) ? Path.of(uri).getParent() : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private FileObject classOutputResource(String path) throws IOException {
        return filer.getResource(StandardLocation.CLASS_OUTPUT, "", path);
    }
}
