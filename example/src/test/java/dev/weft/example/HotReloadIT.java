package dev.weft.example;

import static dev.weft.example.RunningExample.json;
import static dev.weft.example.RunningExample.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload over real HTTP: a new {@code hello.wasm} dropped in the watched folder replaces the
 * module under load without one failed request, and broken or incompatible modules are refused
 * while the live version keeps serving. The server gets Chicory's compiler on its class path,
 * as an application enabling hot reload would; the jar itself has none.
 */
class HotReloadIT {

    @TempDir
    static Path modules;

    private static RunningExample server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningExample.start(Map.of(), compilerJars(),
                "-Dweft.wasm.hot-reload.directory=" + modules, "-Dweft.wasm.hot-reload.poll-interval=PT0.2S",
                "-Dweft.health.details=true",
                // Room for the long request of finishesARequestInFlightOnTheVersionItStartedOn.
                "-Dweft.wasm.modules.faults.timeout=PT2M");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void swapsAModuleUnderLoadWithoutAFailedRequest() throws Exception {
        assertEquals("hi", text(server.get("/hello")));
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Future<Void>> clientsDone = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < 16; client++) {
                clientsDone.add(clients.submit(() -> {
                    boolean sawNewVersion = false;
                    while (loading.get()) {
                        HttpResponse<byte[]> response = server.get("/hello");
                        String body = text(response);
                        answers.add(body);
                        if (response.statusCode() != 200 || !(body.equals("hi") || body.equals("hi from version 2"))
                                || sawNewVersion && body.equals("hi")) {
                            failures.add(response.statusCode() + " " + body);
                        }
                        sawNewVersion |= body.equals("hi from version 2");
                    }
                    return null;
                }));
            }
            Thread.sleep(1000);
            install(Path.of(System.getProperty("weft.example.testWasm", "target/test-wasm"), "hello.wasm"), "hello.wasm");
            long deadline = System.currentTimeMillis() + 15_000;
            while (!text(server.get("/hello")).equals("hi from version 2") && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1000);
            loading.set(false);
        }
        // A client that threw (a refused connection, a reset) is a failed request too.
        for (Future<Void> client : clientsDone) {
            try {
                client.get();
            } catch (ExecutionException e) {
                failures.add("client failed: " + e.getCause());
            }
        }
        assertEquals(List.of(), List.copyOf(failures));
        assertTrue(answers.contains("hi") && answers.contains("hi from version 2"), "both versions answered");
        assertTrue(answers.size() > 100, answers.size() + " requests");

        Map<String, Object> hello = module("hello");
        assertTrue(((String) hello.get("version")).startsWith("reloaded from "), hello.toString());
        Matcher swap = Pattern.compile("hot reload: module 'hello' is now hello.wasm \\(sha256 \\w+\\), swapped in (\\d+) ms")
                .matcher(server.log());
        assertTrue(swap.find(), server.log());
        System.out.println("hot swap of hello took " + swap.group(1) + " ms (compile, check and swap)");
    }

    @Test
    void readsQueryParametersOnAClassPathOfSeveralJars() throws Exception {
        // This server runs from -cp (the jar plus the compiler's jars), where Helidon finds its
        // services only through the merged META-INF/helidon/manifest of the shaded jar.
        HttpResponse<byte[]> answer = server.get("/java/matmul?n=2&seed=1");
        assertEquals(200, answer.statusCode(), text(answer));
        assertTrue(text(answer).contains("\"checksum\":1.7407857144998435"), text(answer));
    }

    @Test
    void finishesARequestInFlightOnTheVersionItStartedOn() throws Exception {
        assertEquals("1", text(server.get("/faults/version/0")));
        // Calibrate the spin so that the long request lasts about 20 s on this machine, far longer
        // than a swap (which the test below waits at most 15 s for).
        long started = System.nanoTime();
        assertEquals("1", text(server.get("/faults/version/200")));
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        long spin = Math.min(1_000_000, Math.max(200, 200 * 20_000 / millis));
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<byte[]>> inFlight = clients.submit(() -> server.get("/faults/version/" + spin));
            long deadline = System.currentTimeMillis() + 5_000;
            while (((Number) module("faults").get("instancesInUse")).intValue() < 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, ((Number) module("faults").get("instancesInUse")).intValue(), "the long request runs");

            install(Path.of(System.getProperty("weft.example.testWasm", "target/test-wasm"), "faults.wasm"), "faults.wasm");
            deadline = System.currentTimeMillis() + 15_000;
            while (!text(server.get("/faults/version/0")).equals("2") && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals("2", text(server.get("/faults/version/0")), "version 2 is live");
            assertTrue(!inFlight.isDone(), "the long request outlasted the swap");
            HttpResponse<byte[]> finished = inFlight.get();
            assertEquals(200, finished.statusCode(), text(finished));
            assertEquals("1", text(finished), "answered by the version it started on");
        }
        assertEquals("2", text(server.get("/faults/version/0")));
    }

    @Test
    void refusesABrokenModuleAndKeepsTheLiveOne() throws Exception {
        Path garbage = Files.createTempFile("echo", ".wasm");
        byte[] bytes = new byte[64];
        Arrays.fill(bytes, (byte) 7);
        Files.write(garbage, bytes);
        install(garbage, "echo.wasm");
        awaitLog("hot reload: refused echo.wasm for module 'echo'");
        assertEquals("still here", text(server.post("/echo", "text/plain", "still here".getBytes())));
        assertEquals("built with the application", module("echo").get("version"));
    }

    @Test
    void refusesAModuleThatLacksAnExportTheApplicationBinds() throws Exception {
        Path json = Path.of(System.getProperty("weft.example.cargoTarget", "target/cargo"),
                "wasm32-unknown-unknown", "release", "json.wasm");
        install(json, "stats.wasm");
        awaitLog("hot reload: refused stats.wasm for module 'stats': it lacks the export 'stats'");
        HttpResponse<byte[]> stats = server.post("/stats", "application/json", "{\"values\":[2,4]}".getBytes());
        assertEquals(3.0, ((Number) json(stats).get("mean")).doubleValue());
    }

    /** Copies a module into the watched folder in one step, as a deployment should. */
    private static void install(Path source, String name) throws Exception {
        Path staging = modules.resolve(name + ".part");
        Files.copy(source, staging, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staging, modules.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> module(String name) throws Exception {
        return (Map<String, Object>) ((Map<String, Object>) json(server.get("/health")).get("modules")).get(name);
    }

    private static void awaitLog(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!server.log().contains(text) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(server.log().contains(text), "the log lacks: " + text + "\n" + server.log());
    }

    /** Chicory's compiler and ASM, from this test's own class path (a test dependency of the example). */
    private static List<Path> compilerJars() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.contains("dylibso/chicory/compiler") || entry.contains("org/ow2/asm")) {
                jars.add(Path.of(entry));
            }
        }
        assertTrue(jars.size() >= 2, "the compiler and ASM must be test dependencies: " + jars);
        return jars;
    }
}
