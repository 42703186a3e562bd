package dev.weft.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The distribution's copy of the application jar without the native libraries it carries for
 * every platform. Each pattern is a folder of the jar and, after a space, the platform's library
 * inside it with {@code {arch}} for the architecture:
 * {@code org/sqlite/native Linux/{arch}/libsqlitejdbc.so}. Every entry under the folder is left
 * out of the copy, and the platform's library is written to a folder of its own, for
 * {@code java.library.path}.
 *
 * <p>A third word names a system property by which the library's own loader is told that folder
 * ({@code org.sqlite.lib.path} for sqlite-jdbc): a loader that finds its library there skips the
 * search it would otherwise run at every start (sqlite-jdbc's probes the operating system by
 * starting {@code uname} and reading every mapping of the process).
 */
final class NativeLibraries {

    private final List<String> folders = new ArrayList<>();
    private final List<String> entries = new ArrayList<>();
    private final List<String> folderProperties = new ArrayList<>();

    NativeLibraries(List<String> patterns, String arch) {
        for (String pattern : patterns) {
            String[] parts = pattern.strip().split("\\s+");
            if (parts.length < 2 || parts.length > 3 || !parts[1].contains("{arch}")) {
                throw new IllegalArgumentException("native library '" + pattern + "': write the jar's folder of native"
                        + " libraries, a space and the library inside it with {arch} for the architecture,"
                        + " and optionally the system property that tells its loader the folder,"
                        + " e.g. org/sqlite/native Linux/{arch}/libsqlitejdbc.so org.sqlite.lib.path");
            }
            String folder = parts[0].replaceAll("/+$", "") + "/";
            folders.add(folder);
            entries.add(folder + parts[1].replace("{arch}", arch));
            if (parts.length == 3) {
                folderProperties.add(parts[2]);
            }
        }
    }

    /**
     * The JVM options that point the libraries' loaders at {@code nativeFolder}: {@code
     * java.library.path}, then each pattern's property.
     */
    List<String> systemProperties(String nativeFolder) {
        if (folders.isEmpty()) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        options.add("-Djava.library.path=" + nativeFolder);
        folderProperties.forEach(property -> options.add("-D" + property + "=" + nativeFolder));
        return options;
    }

    /**
     * Copies {@code jar} to {@code target} without the native libraries' folders, and writes the
     * platform's libraries to {@code nativeFolder} (emptied first).
     *
     * @throws IOException also when the jar has no library for the platform: the distribution would not run
     */
    void copyJarWithout(Path jar, Path target, Path nativeFolder) throws IOException {
        if (folders.isEmpty()) {
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        FileTrees.delete(nativeFolder);
        Files.createDirectories(nativeFolder);
        List<String> missing = new ArrayList<>(entries);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (JarFile in = new JarFile(jar.toFile());
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial))) {
            for (JarEntry entry : Collections.list(in.entries())) {
                String name = entry.getName();
                if (entries.contains(name)) {
                    try (InputStream library = in.getInputStream(entry)) {
                        Files.copy(library, nativeFolder.resolve(name.substring(name.lastIndexOf('/') + 1)),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                    missing.remove(name);
                }
                if (folders.stream().anyMatch(name::startsWith)) {
                    continue;
                }
                // A new entry, compressed afresh: the old one's compressed size would not match.
                JarEntry copy = new JarEntry(name);
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
        }
        if (!missing.isEmpty()) {
            Files.delete(partial);
            throw new IOException("the jar " + jar + " has no " + missing + " for this platform");
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
