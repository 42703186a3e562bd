package dev.weft.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small-device distribution that {@code mvn package} builds in target/dist: its launcher
 * starts the server on the linked runtime, which serves Java and wasm routes, and the JVM maps the
 * AOT cache of the training run and loads the application's classes from it (what -Xlog says), so
 * that a change that breaks the cache fails here instead of silently slowing start-up down.
 */
class DistributionIT {

    private static final Path DIST = Path.of(System.getProperty("weft.example.dist", "target/dist"));
    private static final Path LAUNCHER = DIST.resolve("bin/weft-example");
    private static final Path CACHE = DIST.resolve("lib/weft-example.aot");

    @TempDir
    static Path logs;

    private static Process server;
    private static int port;
    private static long millisToFirstOk;
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(LAUNCHER), "no distribution at " + DIST + " (built with -Dweft.distribution.skip?)");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString())
                .redirectErrorStream(true).redirectOutput(logs.resolve("server.log").toFile());
        builder.environment().put("JAVA_OPTS", String.join(" ", List.of(
                // A device of 256 MiB, as bench/small-device.sh emulates: the JVM then starts with
                // a small heap and grows it, instead of starting at the launcher's -Xmx.
                "-XX:MaxRAM=256m",
                "-Dserver.port=" + port, "-Dserver.host=127.0.0.1",
                "-Xlog:aot=info:file=" + logs.resolve("aot.log"),
                "-Xlog:class+load=info:file=" + logs.resolve("classes.log"),
                "-Xlog:class+init=info:file=" + logs.resolve("initialized.log"))));
        long started = System.nanoTime();
        server = builder.start();
        long deadline = started + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("the distribution exited with " + server.exitValue() + ":\n" + Files.readString(logs.resolve("server.log")));
            }
            try {
                if (get("/health").statusCode() == 200) {
                    millisToFirstOk = (System.nanoTime() - started) / 1_000_000;
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        fail("the distribution did not answer /health within 60 s:\n" + Files.readString(logs.resolve("server.log")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void servesJavaAndWasmRoutesOnTheLinkedRuntime() throws Exception {
        assertEquals("hi", get("/hello").body());
        assertEquals("hi", get("/java/hello").body());
        HttpResponse<String> matmul = get("/matmul?n=100&seed=1");
        assertEquals(200, matmul.statusCode(), matmul.body());
        assertTrue(matmul.body().contains("\"checksum\":249252.8425196466"), matmul.body());
        assertEquals(200, get("/metrics").statusCode());
        // The launcher exec's the JVM of the linked runtime, not the JDK that runs the tests.
        String command = server.info().command().orElse("");
        assertTrue(command.isEmpty() || command.startsWith(DIST.resolve("runtime").toRealPath().toString()), command);
        System.out.println("distribution: first 200 on /health " + millisToFirstOk + " ms after exec (this test's JVM options)");
    }

    /**
     * The launcher's 64 MiB heap holds a guest memory growing to 24 MiB (n=1000: three 8 MB
     * matrices) whatever the server served before: the new array goes to the old generation,
     * beside the one it replaces, and the launcher's {@code -XX:NewRatio=4} leaves room for both
     * (with the JDK's two thirds, this answered 503 on a fresh server).
     */
    @Test
    void multipliesMatricesOfOneThousandInTheSmallDevicesHeap() throws Exception {
        HttpResponse<String> matmul = get("/matmul?n=1000&seed=1");
        assertEquals(200, matmul.statusCode(), matmul.body());
        assertTrue(matmul.body().contains("\"n\":1000"), matmul.body());
    }

    @Test
    void startsFromTheAotCacheOfTheTrainingRun() throws Exception {
        assumeTrue(Files.isRegularFile(CACHE), "the distribution has no AOT cache (built with -Dweft.distribution.skipTraining?)");
        String aot = Files.readString(logs.resolve("aot.log"));
        assertTrue(aot.contains("Opened AOT cache " + CACHE.toRealPath()), "the JVM did not open the AOT cache:\n" + aot);
        // Nor did it warn about it (JDK 25's clashing call adapters are left out of the cache).
        List<String> warnings = Files.readAllLines(logs.resolve("server.log")).stream()
                .filter(line -> line.contains("[warning][aot")).toList();
        assertEquals(List.of(), warnings);
        // Classes of the JDK, of Helidon and of the application (a wasm module's machine
        // included) come from the cache, not from the jar.
        List<String> classes = Files.readAllLines(logs.resolve("classes.log"));
        for (String name : List.of("java.lang.Object", "io.helidon.webserver.WebServer",
                "dev.weft.example.ExampleApplication", "dev.weft.example.wasm.HelloModuleMachine")) {
            String line = classes.stream().filter(l -> l.contains(" " + name + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " was not loaded"));
            assertTrue(line.contains("source: shared objects file"), "not from the AOT cache: " + line);
        }
    }

    @Test
    void loadsSqlitesLibraryFromTheDistributionWithoutProbingAndItsJarCarriesNoOther() throws Exception {
        // Loaded where it lies (lib/native), not copied to a temporary file at every start.
        Path library = DIST.resolve("lib/native/libsqlitejdbc.so").toRealPath();
        String maps = Files.readString(Path.of("/proc/" + server.pid() + "/maps"));
        assertTrue(maps.contains(library.toString()), "the server did not map " + library);
        assertFalse(maps.contains("/sqlite-"), "the server mapped a copy of sqlite-jdbc's library");
        try (JarFile jar = new JarFile(DIST.resolve("lib/weft-example.jar").toFile())) {
            assertTrue(jar.stream().noneMatch(entry -> entry.getName().startsWith("org/sqlite/native/")),
                    "the distribution's jar still carries native libraries");
            assertTrue(jar.getEntry("org/sqlite/JDBC.class") != null, "the driver itself is gone");
        }
        assertEquals(200, get("/visits/distribution").statusCode());
        // The launcher names lib/native to the driver too (org.sqlite.lib.path), so it loads the
        // library without first probing the system, which starts `uname` at every start.
        String initialized = Files.readString(logs.resolve("initialized.log"));
        assertTrue(initialized.contains("'org/sqlite/core/NativeDB'"), "the driver's native side was not initialized");
        assertFalse(initialized.contains("'org/sqlite/util/OSInfo'"), "sqlite-jdbc probed the operating system at start");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
