package dev.weft.maven.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of one project of src/it in target/it-work, built by Maven in a subprocess the way a user
 * builds it. The build uses target/it-repo (where maven-invoker-plugin installed this build's
 * plugin, runtime and processor) as its local repository, and a settings.xml whose mirror serves
 * everything else from the outer build's local repository, so it needs no network.
 */
final class ItProject {

    /** The first build of a crate builds std with Debian's toolchain; 2 cores need a minute or two. */
    private static final long TIMEOUT_MINUTES = 10;

    private final String name;
    private final Path directory;
    private int builds;

    private ItProject(String name, Path directory) {
        this.name = name;
        this.directory = directory;
    }

    /** A fresh copy of src/it/{@code name}, with {@code @weft.version@} in its pom replaced. */
    static ItProject copy(String name) throws IOException {
        Path source = property("weft.it.projects").resolve(name);
        Path target = property("weft.it.work").resolve(name);
        deleteRecursively(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    // New modification times: cargo decides freshness by them, and the shared cargo
                    // target folder remembers this path's crate from the previous IT run.
                    Files.copy(file, copy);
                }
            }
        }
        // A parent's version cannot be a property, so the pom is filtered as maven-invoker-plugin would.
        Path pom = target.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("@weft.version@", value("weft.version")));
        return new ItProject(name, target);
    }

    Path file(String relative) {
        return directory.resolve(relative);
    }

    /** Runs {@code mvn package} on the project and returns its outcome; the log is kept beside the project. */
    Build build() throws IOException, InterruptedException {
        builds++;
        Path log = directory.resolveSibling(name + "-build-" + builds + ".log");
        List<String> command = List.of(
                maven(), "-B", "-ntp",
                "-s", settings().toString(),
                "-Dmaven.repo.local=" + property("weft.it.repository"),
                "-Dweft.it.cargoTarget=" + property("weft.it.cargoTarget"),
                "package");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process maven = builder.start();
        if (!maven.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly().waitFor();
            fail("mvn package of " + name + " took more than " + TIMEOUT_MINUTES + " minutes; see " + log);
        }
        return new Build(name, maven.exitValue(), Files.readString(log), log);
    }

    /** The outcome of one build. */
    record Build(String project, int exitCode, String output, Path log) {

        private static final String PLUGIN_FAILURE =
                "[ERROR] Failed to execute goal dev.weft:weft-wasm-aot-maven-plugin:";

        Build assertSucceeded() {
            assertTrue(exitCode == 0 && output.contains("BUILD SUCCESS"), describe("expected the build to succeed"));
            return this;
        }

        /** The build failed in the plugin, with its message rather than an exception's stack trace. */
        Build assertPluginFailed() {
            assertTrue(exitCode != 0 && output.contains("BUILD FAILURE"), describe("expected the build to fail"));
            assertTrue(output.contains(PLUGIN_FAILURE), describe("expected the plugin to fail the build"));
            assertFalse(output.contains("\tat dev.weft.") || output.contains("\tat com.dylibso."),
                    describe("expected a message, not a stack trace"));
            return this;
        }

        /** The plugin's failure line, the one Maven shows first: {@code ... on project <name>: <message>}. */
        String failureMessage() {
            int start = output.indexOf(PLUGIN_FAILURE);
            assertTrue(start >= 0, describe("no plugin failure"));
            String line = output.substring(start, output.indexOf('\n', start)).replace(" -> [Help 1]", "");
            String prefix = "on project " + project + ": ";
            return line.substring(line.indexOf(prefix) + prefix.length());
        }

        Build assertLogged(String... fragments) {
            for (String fragment : fragments) {
                assertTrue(output.contains(fragment), describe("expected the log to contain '" + fragment + "'"));
            }
            return this;
        }

        Build assertNotLogged(String... fragments) {
            for (String fragment : fragments) {
                assertFalse(output.contains(fragment), describe("expected the log not to contain '" + fragment + "'"));
            }
            return this;
        }

        /** The expectation, then the end of the log, where Maven says what went wrong. */
        String describe(String expectation) {
            List<String> lines = output.lines().toList();
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 120), lines.size()));
            return expectation + " (exit " + exitCode + "; full log " + log + "):\n" + tail;
        }
    }

    private static final String CENTRAL = """
            <id>central</id><url>https://repo.maven.apache.org/maven2</url>\
            <releases><checksumPolicy>ignore</checksumPolicy></releases>\
            <snapshots><enabled>false</enabled></snapshots>""";

    private static Path settings() throws IOException {
        Path settings = property("weft.it.work").resolve("settings.xml");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, """
                <settings>
                  <!-- Everything not in the IT repository comes from the outer build's local repository. -->
                  <mirrors>
                    <mirror>
                      <id>outer-local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                  <!-- A local repository keeps no checksum files: do not warn of each missing one. -->
                  <profiles>
                    <profile>
                      <id>no-checksums</id>
                      <repositories>
                        <repository>%s</repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>%s</pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>no-checksums</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(property("weft.it.mirror").toUri(), CENTRAL, CENTRAL));
        return settings;
    }

    /** The Maven running this build (failsafe passes maven.home), else the one on PATH. */
    private static String maven() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static Path property(String key) {
        return Path.of(value(key));
    }

    private static String value(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key + " is not set; run the ITs with"
                    + " `mvn verify` (failsafe sets it), not from an IDE's plain JUnit runner");
        }
        return value;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
