package dev.weft.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project without weft-application-parent (whose enforcer rule refuses an old JDK first, see
 * example's JavaVersionIT): it imports weft-bom and names Weft's plugin and processor itself. On
 * JDK 17, Debian's default, each of them stops with one line saying Weft needs Java 21+ and which
 * Java runs, not with a class-file-version error.
 *
 * <p>Weft's artifacts come from target/it-repo, where maven-invoker-plugin installed this build's.
 */
class OldJavaIT {

    private static final String VERSION = System.getProperty("weft.version");
    private static Path jdk17;

    @BeforeAll
    static void findJdk17() throws IOException {
        Optional<Path> found = jdk17();
        assumeTrue(found.isPresent(), "no JDK 17 in /usr/lib/jvm (nor -Dweft.it.jdk17) to build with");
        jdk17 = found.get();
    }

    @Test
    void theMavenPluginSaysInOneLineThatItNeedsJava21(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>bom-only</artifactId>
                  <version>1.0.0-SNAPSHOT</version>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>dev.weft</groupId>
                        <artifactId>weft-bom</artifactId>
                        <version>%1$s</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.weft</groupId>
                        <artifactId>weft-wasm-aot-maven-plugin</artifactId>
                        <version>%1$s</version>
                        <executions>
                          <execution>
                            <goals>
                              <goal>compile</goal>
                            </goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(VERSION));
        // generate-sources: the plugin's compile goal is the build's first step, and no other
        // plugin (whose Maven 3.8 default versions the repository may not hold) is needed.
        List<String> command = List.of(maven(), "-B", "-ntp", "-s", GeneratedProjectIT.writeSettings(project).toString(),
                "-Dmaven.repo.local=" + System.getProperty("weft.it.repository"), "generate-sources");
        Run run = run(command, project);

        assertNotEquals(0, run.exitValue(), run.output());
        // Maven prefixes the goal's failure with [ERROR] and the goal's name; the message is the line.
        assertTrue(run.output().lines().anyMatch(line -> line.startsWith("[ERROR] Failed to execute goal dev.weft:weft-wasm-aot-maven-plugin")
                && line.contains(": Weft needs Java 21+; this build runs on 17.")
                && line.contains("(JAVA_HOME=" + jdk17 + "). Set JAVA_HOME to a JDK 21 or newer.")), run.output());
        assertFalse(run.output().contains("UnsupportedClassVersionError"), run.output());
        assertFalse(run.output().contains("class file version"), run.output());
    }

    @Test
    void theProcessorReportsOneErrorSayingItNeedsJava21(@TempDir Path project) throws Exception {
        Path sources = Files.createDirectories(project.resolve("src/com/example"));
        Files.writeString(sources.resolve("GreetingApi.java"), """
                package com.example;

                import dev.weft.annotations.Api;
                import dev.weft.annotations.Get;

                @Api
                public interface GreetingApi {
                    @Get("/hello")
                    String hello();
                }
                """);
        // Names the class the processor would have written: javac must not add "cannot find symbol".
        Files.writeString(sources.resolve("Routes.java"), """
                package com.example;

                final class Routes {
                    static final Class<?> TABLE = GreetingApiRoutes.class;
                }
                """);
        List<String> command = new ArrayList<>(List.of(jdk17.resolve("bin/javac").toString(),
                "-d", project.resolve("classes").toString(),
                "-cp", weftJar("weft-annotations").toString(),
                "--processor-path", String.join(java.io.File.pathSeparator,
                        weftJar("weft-processor").toString(), weftJar("weft-wasm-abi").toString(),
                        weftJar("weft-annotations").toString(), javapoetJar().toString())));
        try (Stream<Path> files = Files.list(sources)) {
            files.map(Path::toString).sorted().forEach(command::add);
        }
        Run run = run(command, project);

        assertNotEquals(0, run.exitValue(), run.output());
        List<String> lines = run.output().lines().toList();
        assertEquals(2, lines.size(), run.output());
        assertTrue(lines.get(0).startsWith("error: Weft needs Java 21+; this compiler runs on 17.")
                && lines.get(0).endsWith("(JAVA_HOME=" + jdk17 + "). Set JAVA_HOME to a JDK 21 or newer."), run.output());
        assertEquals("1 error", lines.get(1));
    }

    private record Run(int exitValue, String output) {}

    private static Run run(List<String> command, Path directory) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", jdk17.toString());
        builder.environment().remove("MAVEN_OPTS"); // options for a newer JDK, which 17 refuses
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), output);
        return new Run(process.exitValue(), output);
    }

    private static Path weftJar(String artifactId) {
        return artifact("dev/weft", artifactId, VERSION);
    }

    private static Path javapoetJar() {
        return artifact("com/palantir/javapoet", "javapoet", System.getProperty("weft.it.javapoet"));
    }

    /** A jar that maven-invoker-plugin installed into the IT's repository, with the processor's dependencies. */
    private static Path artifact(String group, String artifactId, String version) {
        Path jar = Path.of(System.getProperty("weft.it.repository"), group, artifactId, version,
                artifactId + "-" + version + ".jar");
        assertTrue(Files.isRegularFile(jar), "not installed for the ITs: " + jar);
        return jar;
    }

    private static String maven() {
        return Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
    }

    /**
     * A JDK 17: -Dweft.it.jdk17, else the first folder in /usr/lib/jvm whose {@code release} file
     * says 17 (Debian's openjdk-17-jdk, Temurin 17, ...).
     */
    private static Optional<Path> jdk17() throws IOException {
        String given = System.getProperty("weft.it.jdk17");
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> jdks = Files.list(jvms)) {
            return jdks.filter(jdk -> !Files.isSymbolicLink(jdk) && Files.isExecutable(jdk.resolve("bin/javac")))
                    .filter(OldJavaIT::isJava17).sorted().findFirst();
        }
    }

    private static boolean isJava17(Path jdk) {
        try {
            return Files.readAllLines(jdk.resolve("release")).stream()
                    .anyMatch(line -> line.startsWith("JAVA_VERSION=\"17"));
        } catch (IOException noReleaseFile) {
            return false;
        }
    }
}
