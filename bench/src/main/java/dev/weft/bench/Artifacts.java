package dev.weft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The size of what a system ships, in bytes of regular files (links are not followed): its
 * systems-file artifacts (each file, or each file under each folder) and the files that its
 * Debian packages installed ({@code dpkg -L}), each file counted once.
 */
public final class Artifacts {

    /**
     * @param bytes without the excluded paths (e.g. the Bun runtime inside node_modules)
     * @param bytesWithExcluded with them
     */
    public record Size(long bytes, long bytesWithExcluded) {}

    private Artifacts() {}

    public static Size measure(SystemSpec spec) throws IOException {
        long all = 0;
        long kept = 0;
        for (Path artifact : spec.artifacts()) {
            if (!Files.exists(artifact, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(spec.id() + ": artifact " + artifact + " does not exist (not built?)");
            }
            try (Stream<Path> files = Files.walk(artifact)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    long size = regularFileSize(file);
                    all += size;
                    if (!excluded(file, spec.artifactExcludes())) {
                        kept += size;
                    }
                }
            }
        }
        long packaged = packageFiles(spec).stream().mapToLong(Artifacts::regularFileSize).sum();
        return new Size(kept + packaged, all + packaged);
    }

    /** Every path that the system's Debian packages installed, once each; none without packages. */
    static Set<Path> packageFiles(SystemSpec spec) throws IOException {
        Set<Path> files = new TreeSet<>();
        if (spec.artifactPackages().isEmpty()) {
            return files;
        }
        List<String> command = new ArrayList<>(List.of("dpkg", "-L"));
        command.addAll(spec.artifactPackages());
        Process dpkg = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(dpkg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (dpkg.waitFor() != 0) {
                throw new IOException(spec.id() + ": " + String.join(" ", command) + " failed (not installed?):\n"
                        + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        output.lines()
                .filter(line -> line.startsWith("/"))
                .map(Path::of)
                .filter(path -> Files.exists(path, LinkOption.NOFOLLOW_LINKS)) // a diverted file may be gone
                .forEach(files::add);
        return files;
    }

    private static long regularFileSize(Path file) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? attributes.size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean excluded(Path file, List<Path> excludes) {
        return excludes.stream().anyMatch(file::startsWith);
    }
}
