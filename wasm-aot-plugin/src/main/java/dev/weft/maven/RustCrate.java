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
 * library's name, which names the .wasm cargo writes; path dependencies, whose sources decide
 * whether the crate must be rebuilt; and from {@code [package.metadata.weft]}: {@code target}, the
 * wasm target ({@code wasm32-unknown-unknown} by default, or {@code wasm32-wasip1}), and
 * {@code stack-size}, the guest's stack in bytes ({@code 65536}, {@code "64KiB"}, {@code "1MiB"}).
 *
 * <p>Why a stack size: Rust's wasm linker gives every module a 1 MiB stack, a mebibyte of heap
 * for every instance the server keeps, though a handler that recurses little uses a few KiB (the
 * example's guests use at most 4 KiB). {@code stackSize} is 0 for the linker's default.
 */
record RustCrate(ModuleName module, Path directory, String libraryName, String target, long stackSize,
        List<Path> pathDependencies) {

    /** Targets a guest may build for: plain wasm, or WASI preview 1 for guests that want std's I/O. */
    static final List<String> TARGETS = List.of(RustToolchain.TARGET, "wasm32-wasip1");

    /** {@code [package]}, {@code [[bin]]}, with an optional trailing comment. */
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[{1,2}\\s*([^\\[\\]]+?)\\s*]{1,2}\\s*(?:#.*)?$");
    private static final Pattern NAME = Pattern.compile("^\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PATH = Pattern.compile("\\bpath\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern TARGET = Pattern.compile("^\\s*target\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern STACK_SIZE = Pattern.compile("^\\s*stack-size\\s*=\\s*(\"[^\"]*\"|\\S+)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(KiB|MiB)?");

    /** The linker keeps the stack pointer 16-byte aligned; a smaller stack than a page is no use. */
    private static final long MINIMUM_STACK = 4096;

    static RustCrate read(Path directory) throws IOException {
        ModuleName module = new ModuleName(directory.getFileName().toString());
        String packageName = null;
        String libraryName = null;
        String target = RustToolchain.TARGET;
        long stackSize = 0;
        List<Path> dependencies = new ArrayList<>();
        String section = "";
        for (String line : Files.readAllLines(directory.resolve("Cargo.toml"))) {
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
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
            Matcher targetKey = TARGET.matcher(line);
            if (section.equals("package.metadata.weft") && targetKey.find()) {
                target = targetKey.group(1);
                if (!TARGETS.contains(target)) {
                    throw new IOException(directory.resolve("Cargo.toml") + ": [package.metadata.weft] target '" + target
                            + "' is not one of " + TARGETS);
                }
            }
            Matcher stackKey = STACK_SIZE.matcher(line);
            if (section.equals("package.metadata.weft") && stackKey.find()) {
                stackSize = stackSize(directory, stackKey.group(1));
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
        return new RustCrate(module, directory, library, target, stackSize, List.copyOf(dependencies));
    }

    private static long stackSize(Path directory, String value) throws IOException {
        Matcher size = SIZE.matcher(value.replace("\"", "").strip());
        long bytes = -1;
        if (size.matches()) {
            long unit = size.group(2) == null ? 1 : size.group(2).equals("KiB") ? 1024 : 1024 * 1024;
            try {
                bytes = Math.multiplyExact(Long.parseLong(size.group(1)), unit);
            } catch (ArithmeticException | NumberFormatException e) {
                bytes = -1;
            }
        }
        if (bytes < MINIMUM_STACK || bytes % 16 != 0 || bytes > Integer.MAX_VALUE) {
            throw new IOException(directory.resolve("Cargo.toml") + ": [package.metadata.weft] stack-size " + value
                    + " is not a size in bytes, KiB or MiB, a multiple of 16 from 4096 up (e.g. \"64KiB\")");
        }
        return bytes;
    }

    /** What rustc adds for this crate's own code (not its dependencies'): the stack size, when set. */
    List<String> rustcArguments() {
        return stackSize == 0 ? List.of() : List.of("-C", "link-arg=-zstack-size=" + stackSize);
    }

    Path manifest() {
        return directory.resolve("Cargo.toml");
    }

    /** Where cargo writes the module in a release build for the wasm target. */
    Path output(Path targetDirectory) {
        return targetDirectory.resolve(target).resolve("release").resolve(libraryName + ".wasm");
    }
}
