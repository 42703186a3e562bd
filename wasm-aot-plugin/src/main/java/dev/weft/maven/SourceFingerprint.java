package dev.weft.maven;

import dev.weft.wasm.abi.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A SHA-256 over everything that decides a crate's output: its files and those of its path
 * dependencies (followed transitively), without build output or hidden folders, plus the
 * toolchain. Equal fingerprints mean cargo would produce the same .wasm, so the build skips it.
 */
final class SourceFingerprint {

    private SourceFingerprint() {}

    static String of(RustCrate crate, String toolchain) throws IOException {
        MessageDigest digest = Sha256.digest();
        digest.update(toolchain.getBytes(StandardCharsets.UTF_8));
        Set<Path> visited = new HashSet<>();
        Deque<Path> pending = new ArrayDeque<>(List.of(crate.directory()));
        while (!pending.isEmpty()) {
            Path directory = pending.pop().toRealPath();
            if (!visited.add(directory)) {
                continue;
            }
            for (Path file : sourceFiles(directory)) {
                digest.update(directory.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            if (Files.isRegularFile(directory.resolve("Cargo.toml"))) {
                pending.addAll(RustCrate.read(directory).pathDependencies());
            }
        }
        return Sha256.hex(digest);
    }

    static String ofFile(Path file) throws IOException {
        return Sha256.of(Files.readAllBytes(file));
    }

    private static List<Path> sourceFiles(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile)
                    .filter(file -> !isIgnored(directory.relativize(file)))
                    .sorted()
                    .forEach(files::add);
        }
        return files;
    }

    private static boolean isIgnored(Path relative) {
        // cargo's build output is target/ at the crate's root; src/target/ is source.
        if (relative.getName(0).toString().equals("target")) {
            return true;
        }
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
