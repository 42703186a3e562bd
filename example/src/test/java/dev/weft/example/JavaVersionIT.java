package dev.weft.example;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project on weft-application-parent built with a JDK older than 21 stops at once with one
 * line saying so, rather than with a class-file-version error from Weft's plugin or processor.
 */
class JavaVersionIT {

    @Test
    void anOldJdkIsRefusedInOneLine(@TempDir Path project) throws Exception {
        Optional<Path> jdk17 = jdk17();
        assumeTrue(jdk17.isPresent(), "no JDK 17 in /usr/lib/jvm to build with");
        // Maven 3.8 reads relativePath against the project's folder, even when it is absolute:
        // relative it must be (from a fresh build's verify, the parent is in no repository yet).
        Path parent = project.toAbsolutePath().relativize(
                Path.of("../application-parent/pom.xml").toAbsolutePath().normalize());
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>dev.weft</groupId>
                    <artifactId>weft-application-parent</artifactId>
                    <version>0.1.0-SNAPSHOT</version>
                    <relativePath>%s</relativePath>
                  </parent>
                  <groupId>com.example</groupId>
                  <artifactId>old-jdk</artifactId>
                </project>
                """.formatted(parent));
        Path mvn = Path.of(System.getProperty("weft.maven.home"), "bin", "mvn");
        ProcessBuilder build = new ProcessBuilder(mvn.toString(), "-B", "-o", "-ntp",
                "-Dmaven.repo.local=" + System.getProperty("weft.maven.repo"), "validate")
                .directory(project.toFile())
                .redirectErrorStream(true);
        build.environment().put("JAVA_HOME", jdk17.get().toString());
        build.environment().remove("MAVEN_OPTS"); // JDK 25 options a JDK 17 refuses
        Process process = build.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        assertNotEquals(0, process.exitValue(), output);
        // Maven prefixes the rule's message with [ERROR]; the message itself is the one line.
        assertTrue(output.lines().anyMatch(line -> line.contains("Weft needs Java 21+; this build runs on 17")
                && line.contains("(JAVA_HOME=" + jdk17.get())), output);
        assertTrue(!output.contains("UnsupportedClassVersionError"), output);
    }

    private static Optional<Path> jdk17() throws IOException {
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            List<Path> found = jdks.filter(jdk -> jdk.getFileName().toString().matches("(java-17|jdk-17|temurin-17).*")
                    && Files.isExecutable(jdk.resolve("bin/java"))).sorted().toList();
            return found.stream().findFirst();
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
