package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine a run ran on, for the report. */
public record Machine(String cpu, int cores, long memoryKb, String kernel, String os, String harnessJdk, String wrk) {

    public static Machine describe() {
        return new Machine(
                fieldOf("/proc/cpuinfo", "model name").orElse("unknown"),
                Runtime.getRuntime().availableProcessors(),
                fieldOf("/proc/meminfo", "MemTotal")
                        .map(v -> Long.parseLong(v.replace("kB", "").trim()))
                        .orElse(-1L),
                read("/proc/sys/kernel/osrelease"),
                fieldOf("/etc/os-release", "PRETTY_NAME")
                        .map(v -> v.replace("\"", ""))
                        .orElse("unknown"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.home") + ")",
                Shell.firstLine(Path.of("."), "wrk -v 2>&1 | head -n 1"));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    // "key: value" (cpuinfo, meminfo) or "key=value" (os-release)
    private static Optional<String> fieldOf(String file, String key) {
        return read(file)
                .lines()
                .filter(line -> line.startsWith(key))
                .map(line -> line.substring(key.length())
                        .replaceFirst("^\\s*[:=]\\s*", "")
                        .trim())
                .findFirst();
    }
}
