package dev.weft.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The systems the benchmark can run, read from bench/systems.properties and the file it
 * includes (the peers'). Paths are resolved against the directory of the file that sets them.
 */
public final class SystemCatalog {

    /** A value and the directory its relative paths are resolved against. */
    private record Entry(String value, Path base) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, SystemSpec> systems = new LinkedHashMap<>();

    private SystemCatalog(Path file) throws IOException {
        read(file);
        String order = entries.containsKey("systems") ? entries.get("systems").value() : "";
        for (String id : split(order, ",")) {
            systems.put(id, spec(id));
        }
        if (systems.isEmpty()) {
            throw new IllegalArgumentException(file + " lists no systems");
        }
    }

    public static SystemCatalog load(Path file) throws IOException {
        return new SystemCatalog(file.toAbsolutePath().normalize());
    }

    /** Every system, in report order. */
    public List<SystemSpec> all() {
        return List.copyOf(systems.values());
    }

    /** The systems with these ids, in report order; an unknown id is an error naming the known ones. */
    public List<SystemSpec> select(List<String> ids) {
        for (String id : ids) {
            if (!systems.containsKey(id)) {
                throw new IllegalArgumentException(
                        "unknown system '" + id + "'; known: " + String.join(",", systems.keySet()));
            }
        }
        return systems.values().stream().filter(spec -> ids.contains(spec.id())).toList();
    }

    // An included file is read first so that the including file's keys win.
    private void read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Path base = file.getParent();
        String include = properties.getProperty("include");
        if (include != null) {
            read(base.resolve(include).normalize());
        }
        properties
                .stringPropertyNames()
                .forEach(key ->
                        entries.put(key, new Entry(properties.getProperty(key).trim(), base)));
    }

    private SystemSpec spec(String id) {
        return new SystemSpec(
                id,
                optional(id, "name").map(Entry::value).orElse(id),
                dir(id),
                required(id, "start").value(),
                required(id, "version").value(),
                optional(id, "prefix").map(Entry::value).orElse(""),
                paths(id, "artifacts"),
                paths(id, "artifacts.exclude"),
                optional(id, "artifacts.packages")
                        .map(entry -> split(entry.value(), " "))
                        .orElse(List.of()));
    }

    private Entry required(String id, String key) {
        return optional(id, key).orElseThrow(() -> new IllegalArgumentException("system '" + id + "' has no " + key));
    }

    // A key the system does not set is taken from the system named by its "like" key, if any.
    private Optional<Entry> optional(String id, String key) {
        Entry own = entries.get(id + "." + key);
        if (own != null) {
            return Optional.of(own);
        }
        Entry like = entries.get(id + ".like");
        return like == null ? Optional.empty() : optional(like.value(), key);
    }

    private Path dir(String id) {
        Entry dir = required(id, "dir");
        return dir.base().resolve(dir.value()).normalize();
    }

    /** Paths given relative to the system's directory. */
    private List<Path> paths(String id, String key) {
        List<Path> paths = new ArrayList<>();
        optional(id, key).ifPresent(entry -> split(entry.value(), " ")
                .forEach(p -> paths.add(dir(id).resolve(p).normalize())));
        return paths;
    }

    private static List<String> split(String text, String separator) {
        return Arrays.stream(text.split(separator))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
