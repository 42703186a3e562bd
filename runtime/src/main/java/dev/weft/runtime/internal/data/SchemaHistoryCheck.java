package dev.weft.runtime.internal.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether a Flyway schema history already holds exactly the versioned SQL migrations found at some
 * classpath locations, each applied successfully and with the checksum Flyway gives the file
 * today. Then a migrate would do nothing but validate, and start-up skips Flyway, whose
 * configuration, scan and some 400 classes are most of the data layer's start-up cost on a small
 * device. Any doubt answers false and Flyway runs as before: a location that is not on the
 * classpath or cannot be listed, a file other than {@code V<version>__<description>.sql} (repeatable
 * migrations, callbacks, Java migrations), a missing or failed row, a row with no file, a changed
 * checksum, a history table that cannot be read.
 */
final class SchemaHistoryCheck {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__[^/]*\\.sql");
    /** Rows that stand for no file: Flyway's baseline marker and its "schema created" marker. */
    private static final List<String> MARKERS = List.of("BASELINE", "SCHEMA");

    private SchemaHistoryCheck() {}

    /** @return true only when migrating {@code locations} with history {@code table} would apply nothing */
    static boolean upToDate(DataSource pool, String table, List<String> locations, ClassLoader loader) {
        Map<String, Integer> files = new HashMap<>();
        for (String location : locations) {
            if (!resolve(location, loader, files)) {
                return false;
            }
        }
        Map<String, Integer> applied = applied(pool, table);
        return applied != null && applied.equals(files);
    }

    /** Adds each versioned migration of {@code location} (version to checksum); false on any doubt. */
    private static boolean resolve(String location, ClassLoader loader, Map<String, Integer> files) {
        String folder = location.startsWith("classpath:") ? location.substring("classpath:".length())
                : location.contains(":") ? null : location;
        if (folder == null) {
            return false;
        }
        folder = folder.replaceAll("^/+|/+$", "");
        try {
            List<URL> roots = Collections.list(loader.getResources(folder));
            if (roots.isEmpty()) {
                return false;
            }
            for (URL root : roots) {
                Map<String, Integer> found = switch (root.getProtocol()) {
                    case "file" -> fromFolder(Path.of(root.toURI()));
                    case "jar" -> fromJar(root, folder);
                    default -> null;
                };
                if (found == null) {
                    return false;
                }
                for (Map.Entry<String, Integer> file : found.entrySet()) {
                    if (files.put(file.getKey(), file.getValue()) != null) {
                        return false; // two files of one version: Flyway refuses to start, so let it say so
                    }
                }
            }
            return true;
        } catch (IOException | UncheckedIOException | URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Integer> fromFolder(Path folder) throws IOException {
        Map<String, Integer> found = new HashMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                if (!add(found, file.getFileName().toString(), Files.newInputStream(file))) {
                    return null;
                }
            }
        }
        return found;
    }

    private static Map<String, Integer> fromJar(URL root, String folder) throws IOException {
        URLConnection connection = root.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            return null;
        }
        connection.setUseCaches(false);
        Map<String, Integer> found = new HashMap<>();
        try (JarFile jar = jarConnection.getJarFile()) {
            String prefix = folder + "/";
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                    continue;
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (!add(found, name, jar.getInputStream(entry))) {
                    return null;
                }
            }
        }
        return found;
    }

    private static boolean add(Map<String, Integer> found, String fileName, InputStream content) throws IOException {
        try (content) {
            Matcher versioned = VERSIONED.matcher(fileName);
            if (!versioned.matches()) {
                return false;
            }
            // Flyway stores the version with '_' read as '.', as written otherwise ("1.1", "2").
            return found.put(versioned.group(1).replace('_', '.'), checksum(content)) == null;
        }
    }

    /**
     * Flyway's checksum of a migration file: CRC-32 over the UTF-8 bytes of each line without its
     * line break, a byte-order mark dropped (its {@code ChecksumCalculator}).
     */
    static int checksum(InputStream content) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader lines = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 4096);
        String line = lines.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        while (line != null) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            line = lines.readLine();
        }
        return (int) crc.getValue();
    }

    /** Version to checksum of each successful SQL migration; null if the table cannot be read or holds anything else. */
    private static Map<String, Integer> applied(DataSource pool, String table) {
        Map<String, Integer> applied = new HashMap<>();
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select version, checksum, type, success from \"" + table + "\"")) {
            while (rows.next()) {
                String version = rows.getString(1);
                int checksum = rows.getInt(2);
                boolean noChecksum = rows.wasNull();
                String type = rows.getString(3);
                if (!rows.getBoolean(4)) {
                    return null;
                }
                if (MARKERS.contains(type)) {
                    continue;
                }
                if (!"SQL".equals(type) || version == null || noChecksum || applied.put(version, checksum) != null) {
                    return null;
                }
            }
            return applied;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }
}
