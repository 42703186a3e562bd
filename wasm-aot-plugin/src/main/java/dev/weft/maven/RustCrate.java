package dev.weft.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Rust guest crate of the project: a folder under {@code src/main/rust} with a Cargo.toml. The
 * folder's name is the module's name. Only the few keys Weft needs are read from Cargo.toml: the
 * library's name, which names the .wasm cargo writes, and path dependencies, whose sources decide
 * whether the crate must be rebuilt.
 */
record RustCrate(ModuleName module, Path directory, String libraryName, List<Path> pathDependencies) {

    private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^\\]]+)]\\s*$");
    private static final Pattern NAME = Pattern.compile("^\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PATH = Pattern.compile("\\bpath\\s*=\\s*\"([^\"]+)\"");

    static RustCrate read(Path directory) throws IOException {
        ModuleName module = new ModuleName(directory.getFileName().toString());
        String packageName = null;
        String libraryName = null;
        List<Path> dependencies = new ArrayList<>();
        String section = "";
        for (String line : Files.readAllLines(directory.resolve("Cargo.toml"))) {
            Matcher header = SECTION.matcher(line);
            if (header.matches()) {
                section = header.group(1).trim();
                continue;
            }
            Matcher name = NAME.matcher(line);
            if (name.find()) {
                if (section.equals("package")) {
                    packageName = name.group(1);
                } else if (section.equals("lib")) {
                    libraryName = name.group(1);
                }
            }
            if (section.contains("dependencies")) {
                Matcher path = PATH.matcher(line);
                if (path.find()) {
                    dependencies.add(directory.resolve(path.group(1)).normalize());
                }
            }
        }
        if (packageName == null && libraryName == null) {
            throw new IOException(directory.resolve("Cargo.toml") + " names no [package]");
        }
        String library = (libraryName != null ? libraryName : packageName).replace('-', '_');
        return new RustCrate(module, directory, library, List.copyOf(dependencies));
    }

    Path manifest() {
        return directory.resolve("Cargo.toml");
    }

    /** Where cargo writes the module in a release build for the wasm target. */
    Path output(Path targetDirectory) {
        return targetDirectory.resolve(RustToolchain.TARGET).resolve("release").resolve(libraryName + ".wasm");
    }
}
