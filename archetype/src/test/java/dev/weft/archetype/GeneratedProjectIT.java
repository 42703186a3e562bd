package dev.weft.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a user does with the archetype, from an empty folder: {@code archetype:generate}, then the
 * generated README's test command ({@code mvn verify}: the Rust guest's cargo test, the routes in
 * process, the server over HTTP), then its run command's jar, called once over HTTP; and where a
 * container engine is named (WEFT_CONTAINER_ENGINE, set by scripts/test.sh), its container
 * commands: the distribution, the Dockerfile's image, the image run and called over HTTP.
 *
 * <p>Maven runs in a subprocess against target/it-repo, where maven-invoker-plugin installed this
 * build's Weft artifacts; everything else comes from the outer build's local repository (the one
 * {@code -Dmaven.repo.local} names), or from Maven Central where the outer build never needed it
 * (archetype:generate's own libraries). Rust's standard
 * library for wasm comes from Weft's shared cache, as in any build on the machine.
 */
class GeneratedProjectIT {

    /** The first build on a machine may build Rust's std for wasm: minutes on two busy cores. */
    private static final long TIMEOUT_MINUTES = 20;
    private static final String ARTIFACT = "hello-weft";

    @Test
    void generatesAProjectThatBuildsTestsAndServes() throws Exception {
        Path work = property("weft.it.work");
        deleteRecursively(work);
        Files.createDirectories(work);
        Path settings = writeSettings(work);

        maven(work, settings, "generate",
                "org.apache.maven.plugins:maven-archetype-plugin:" + value("weft.it.archetypePlugin") + ":generate",
                "-DinteractiveMode=false",
                "-DarchetypeGroupId=dev.weft", "-DarchetypeArtifactId=weft-archetype",
                "-DarchetypeVersion=" + value("weft.version"),
                "-DgroupId=com.example", "-DartifactId=" + ARTIFACT, "-Dversion=1.0.0-SNAPSHOT",
                "-Dpackage=com.example.hello");
        Path project = work.resolve(ARTIFACT);
        assertTrue(Files.isRegularFile(project.resolve("src/main/java/com/example/hello/GreetingApi.java")));
        assertTrue(Files.isRegularFile(project.resolve("src/main/rust/shout/src/lib.rs")));
        assertTrue(Files.readString(project.resolve("Dockerfile")).contains("ENTRYPOINT [\"/app/bin/" + ARTIFACT + "\"]"));
        assertTrue(Files.readString(project.resolve(".dockerignore")).contains("!target/dist"));
        String readme = Files.readString(project.resolve("README.md"));
        assertTrue(readme.contains("\n## Two commands\n"), readme);
        assertTrue(readme.contains("    mvn -q package -DskipTests && java -jar target/" + ARTIFACT + ".jar\n"), readme);
        assertTrue(readme.contains("    mvn verify\n"), readme);

        String build = maven(project, settings, "verify", "verify");
        assertTrue(build.contains("Testing Rust crate 'shout' with cargo test (host)"), build);
        assertTrue(build.contains("test result: ok. 1 passed"), build);
        assertTrue(build.contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed")
                && build.contains("in com.example.hello.GreetingRoutesTest"), build);
        assertTrue(build.contains("in com.example.hello.ApplicationServerTest"), build);

        servesFromTheJar(project);

        Optional<ContainerEngine> engine = ContainerEngine.fromEnvironment();
        if (engine.isPresent()) {
            servesFromTheImage(project, settings, engine.get());
        } else {
            System.out.println("GeneratedProjectIT: no WEFT_CONTAINER_ENGINE, the Dockerfile is not built");
        }
    }

    /**
     * The generated README's container commands: the distribution, the image of its Dockerfile
     * (FROM debian:bookworm-slim, which scripts/test.sh makes locally), the image run with its
     * port published, both routes called over HTTP.
     */
    private static void servesFromTheImage(Path project, Path settings, ContainerEngine engine) throws Exception {
        maven(project, settings, "distribution", "package", "-DskipTests", "-Dweft.distribution.skip=false");
        assertTrue(Files.isExecutable(project.resolve("target/dist/bin/" + ARTIFACT)));
        String image = "localhost/weft-it/" + ARTIFACT + ":it";
        String container = "weft-it-" + ARTIFACT;
        engine.remove(container, image);
        try {
            engine.build(project, image);
            int port = freePort();
            engine.start(image, container, port);
            HttpClient client = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpResponse<String> hello = firstAnswer(client, HttpRequest.newBuilder(base.resolve("/hello/Container")).build(),
                    () -> engine.logs(container));
            assertGreetsAndShouts(client, base, hello, "Hello, Container!", "from a container", "FROM A CONTAINER!");
        } finally {
            engine.remove(container, image);
        }
    }

    /**
     * The request's answer once the container's server listens. Until then the published port
     * refuses or drops the connection; after two minutes the container's log is the failure.
     */
    private static HttpResponse<String> firstAnswer(HttpClient client, HttpRequest request, Supplier<String> log)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    fail("the container did not answer within 2 minutes (" + notYet + "):\n" + log.get());
                }
                Thread.sleep(500);
            }
        }
    }

    /**
     * The generated project's two routes: {@code hello}, the answer of {@code GET /hello/<name>},
     * is {@code greeting}, and {@code POST /shout} with {@code text} answers {@code shouted}.
     */
    private static void assertGreetsAndShouts(HttpClient client, URI base, HttpResponse<String> hello, String greeting,
            String text, String shouted) throws Exception {
        assertEquals(200, hello.statusCode(), hello.body());
        assertEquals(greeting, hello.body());
        HttpResponse<String> shout = client.send(HttpRequest.newBuilder(base.resolve("/shout"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, shout.statusCode(), shout.body());
        assertEquals(shouted, shout.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void servesFromTheJar(Path project) throws Exception {
        int port = freePort();
        Path log = project.resolveSibling("run.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dserver.port=" + port, "-Dserver.host=127.0.0.1", "-jar", "target/" + ARTIFACT + ".jar")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpResponse<String> hello = firstAnswer(client, HttpRequest.newBuilder(base.resolve("/hello/IT")).build(),
                    server, log);
            assertGreetsAndShouts(client, base, hello, "Hello, IT!", "it works", "IT WORKS!");
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** The request's answer once the server listens; it may still be starting when first asked. */
    private static HttpResponse<String> firstAnswer(HttpClient client, HttpRequest request, Process server, Path log)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notYet) {
                if (!server.isAlive()) {
                    fail("the generated server exited with " + server.exitValue() + ":\n" + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    fail("the generated server did not listen within 2 minutes:\n" + Files.readString(log));
                }
                Thread.sleep(200);
            }
        }
    }

    /** Runs Maven in {@code directory} and returns its log; a failed build fails the test with the log's end. */
    private static String maven(Path directory, Path settings, String name, String... goals) throws Exception {
        Path log = property("weft.it.work").resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-B", "-ntp", "-s", settings.toString(),
                "-Dmaven.repo.local=" + value("weft.it.repository")));
        command.addAll(List.of(goals));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process maven = builder.start();
        if (!maven.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly().waitFor();
            fail("mvn " + name + " took more than " + TIMEOUT_MINUTES + " minutes; see " + log);
        }
        String output = Files.readString(log);
        if (maven.exitValue() != 0 || !output.contains("BUILD SUCCESS")) {
            List<String> lines = output.lines().toList();
            fail("mvn " + name + " failed (exit " + maven.exitValue() + "; log " + log + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 150), lines.size())));
        }
        return output;
    }

    /**
     * The outer build's local repository first (what the outer build downloaded, no network), then
     * Maven Central for what only the generated project's build needs (archetype:generate's own
     * libraries, say, on a fresh machine). A local repository keeps no checksum files: do not warn
     * of each missing one.
     */
    static Path writeSettings(Path work) throws IOException {
        Path settings = work.resolve("settings.xml");
        String outer = """
                <id>outer-local-repository</id><url>%s</url>\
                <releases><checksumPolicy>ignore</checksumPolicy></releases>\
                <snapshots><enabled>false</enabled></snapshots>""".formatted(property("weft.it.outer-repository").toUri());
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>outer-local-repository-first</id>
                      <repositories><repository>%s</repository></repositories>
                      <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>outer-local-repository-first</activeProfile></activeProfiles>
                </settings>
                """.formatted(outer, outer));
        return settings;
    }

    /** The Maven running this build (failsafe passes maven.home), else the one on PATH. */
    private static String mavenExecutable() {
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
            throw new IllegalStateException("system property " + key + " is not set; run the IT with `mvn verify`");
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
