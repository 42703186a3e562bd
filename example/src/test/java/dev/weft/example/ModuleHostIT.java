package dev.weft.example;

import static dev.weft.example.RunningExample.json;
import static dev.weft.example.RunningExample.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module host over real HTTP: guests that loop, trap, run out of memory or reach for the host
 * get clean problem answers, instances do not leak state between requests, and after each fault
 * the next request is served normally. The faults module is configured in application.properties
 * with a 1 s deadline, 16 MiB of memory and two instances.
 */
class ModuleHostIT {

    private static RunningExample server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningExample.start("-Dweft.health.details=true");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void stopsAnEndlessLoopAtTheDeadlineWith504() throws Exception {
        Instances before = instances("faults");
        long started = System.nanoTime();
        HttpResponse<byte[]> response = server.get("/faults/loop");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(504, response.statusCode());
        assertEquals("the wasm module 'faults' did not finish 'spin' within 1000 ms", json(response).get("detail"));
        assertTrue(millis >= 1000 && millis < 5000, "answered after " + millis + " ms");
        assertEquals(1, instances("faults").discardedSince(before), "the interrupted instance is thrown away");
        assertNextRequestIsServed();
    }

    @Test
    void answersATrapWith500AndNothingOfItsCause() throws Exception {
        Instances before = instances("faults");
        HttpResponse<byte[]> response = server.get("/faults/trap");
        assertEquals(500, response.statusCode());
        assertEquals("the server failed to handle the request", json(response).get("detail"));
        awaitLog("Trapped on unreachable instruction");
        assertEquals(1, instances("faults").discardedSince(before), "the trapped instance is thrown away");
        assertNextRequestIsServed();
    }

    @Test
    void answersADivisionByZeroWith500() throws Exception {
        assertEquals("3", text(server.get("/faults/divide?dividend=7&divisor=2")));
        assertContainedTrap("/faults/divide?dividend=7&divisor=0", "integer divide by zero");
    }

    @Test
    void answersAnOutOfBoundsAccessWith500() throws Exception {
        assertContainedTrap("/faults/out-of-bounds", "out of bounds memory access");
    }

    @Test
    void answersAnExhaustedCallStackWith500() throws Exception {
        assertContainedTrap("/faults/recursion", "call stack exhausted");
    }

    @Test
    void reusesAnInstanceAfterARequestThatWentWell() throws Exception {
        Instances before = instances("faults");
        assertEquals("1", text(server.get("/faults/state")));
        assertEquals(0, instances("faults").discardedSince(before));
    }

    /** A trap answers a plain 500, its cause only in the log; the instance goes; the next request is served. */
    private static void assertContainedTrap(String path, String logged) throws Exception {
        Instances before = instances("faults");
        HttpResponse<byte[]> response = server.get(path);
        assertEquals(500, response.statusCode(), text(response));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("the server failed to handle the request", json(response).get("detail"));
        awaitLog(logged);
        assertEquals(1, instances("faults").discardedSince(before), "the trapped instance is thrown away");
        assertNextRequestIsServed();
    }

    @Test
    void refusesMemoryPastTheModulesLimitAndKeepsServing() throws Exception {
        HttpResponse<byte[]> tooMuch = server.get("/faults/oom?mib=64");
        assertEquals(500, tooMuch.statusCode());
        assertEquals("the wasm module ran out of memory (it reached its max-memory limit)", json(tooMuch).get("detail"));
        assertEquals("4", text(server.get("/faults/oom?mib=4")));
        assertNextRequestIsServed();
    }

    @Test
    void resetsInstancesSoThatNoRequestSeesAnothersState() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertEquals("1", text(server.get("/faults/state")));
        }
        // The same under load: sixteen clients at once on the module's two instances. They wait
        // a few milliseconds for an instance, far below the acquire-timeout, so every one is served.
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int client = 0; client < 16; client++) {
                answers.add(clients.submit(() -> {
                    List<String> seen = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        HttpResponse<byte[]> response = server.get("/faults/state");
                        seen.add(response.statusCode() + " " + text(response));
                    }
                    return seen;
                }));
            }
            for (Future<List<String>> answer : answers) {
                assertEquals(java.util.Collections.nCopies(20, "200 1"), answer.get());
            }
        }
    }

    @Test
    void keepsStateInAModuleConfiguredStateful() throws Exception {
        int first = Integer.parseInt(text(server.get("/faults/state/stateful")));
        assertEquals(first + 1, Integer.parseInt(text(server.get("/faults/state/stateful"))));
        assertEquals(first + 2, Integer.parseInt(text(server.get("/faults/state/stateful"))));
    }

    @Test
    void answers503WithRetryAfterWhenEveryInstanceStaysBusy() throws Exception {
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            // Two loops hold both instances for a second; a third request waits 0.3 s, then gives up.
            Future<HttpResponse<byte[]>> first = clients.submit(() -> server.get("/faults/loop"));
            Future<HttpResponse<byte[]>> second = clients.submit(() -> server.get("/faults/loop"));
            awaitBothFaultsInstancesInUse();
            HttpResponse<byte[]> third = server.get("/faults/state");
            assertEquals(503, third.statusCode(), text(third));
            assertEquals("1", third.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(((String) json(third).get("detail")).startsWith("the wasm module 'faults' is busy"));
            assertEquals(504, first.get().statusCode());
            assertEquals(504, second.get().statusCode());
        }
        assertNextRequestIsServed();
    }

    /**
     * Guests run on the requests' virtual threads and yield while they compute: with every
     * instance of faults looping (two, on this machine's two cores, so every carrier thread is
     * busy), the server still answers /health within a second each time.
     */
    @Test
    void answersHealthWithinASecondWhileEveryInstanceComputes() throws Exception {
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<byte[]>> first = clients.submit(() -> server.get("/faults/loop"));
            Future<HttpResponse<byte[]>> second = clients.submit(() -> server.get("/faults/loop"));
            awaitBothFaultsInstancesInUse();
            long slowest = 0;
            while (!first.isDone() || !second.isDone()) {
                long started = System.nanoTime();
                assertEquals(200, server.get("/health").statusCode());
                slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
                Thread.sleep(50);
            }
            assertTrue(slowest < 1000, "/health took " + slowest + " ms while the guests computed");
            assertEquals(504, first.get().statusCode());
            assertEquals(504, second.get().statusCode());
        }
        assertNextRequestIsServed();
    }

    @Test
    void answersAJavaHandlersExceptionWith500AndLogsTheTrace() throws Exception {
        HttpResponse<byte[]> response = server.get("/faults/java");
        assertEquals(500, response.statusCode());
        assertEquals("the server failed to handle the request", json(response).get("detail"));
        assertTrue(!text(response).contains("IllegalStateException"));
        awaitLog("java.lang.IllegalStateException: a bug in a Java handler (on purpose)");
    }

    @Test
    void givesAWasiGuestNothingOfTheHostUnlessGranted() throws Exception {
        HttpResponse<byte[]> probe = server.get("/sandbox");
        assertEquals(200, probe.statusCode(), text(probe));
        Map<String, Object> seen = json(probe);
        assertTrue(((String) seen.get("file")).startsWith("refused"), seen.toString());
        assertEquals("no HOME", seen.get("env"));
        assertEquals(0L, ((Number) seen.get("variables")).longValue());
        // What the guest printed is in the server log, under its module's name.
        awaitLog("[sandbox] sandbox probe: trying the host's files, environment and clock");

        assertRefused("/sandbox/clock", "wasm module 'sandbox' called WASI clock_time_get, which needs the 'clock' grant");
        assertNextRequestIsServed();
    }

    @Test
    void refusesTheMonotonicClockWithoutTheClockGrant() throws Exception {
        // std::time::Instant reads WASI's monotonic clock, which Chicory would answer from the host.
        assertRefused("/sandbox/monotonic", "wasm module 'sandbox' called WASI clock_time_get, which needs the 'clock' grant");
    }

    @Test
    void refusesRandomBytesWithoutTheRandomGrant() throws Exception {
        assertRefused("/sandbox/random", "wasm module 'sandbox' called WASI random_get, which needs the 'random' grant");
    }

    @Test
    void tellsAGuestTheRequestsHeadersAndItsConfiguration() throws Exception {
        HttpResponse<byte[]> withHeader = server.send(HttpRequest.newBuilder(server.uri("/sandbox/context"))
                .header("X-Probe", "probe value").GET().build());
        assertEquals(200, withHeader.statusCode(), text(withHeader));
        assertEquals(Map.of("header", "probe value", "greeting", "hello from the configuration"), json(withHeader));

        Map<String, Object> without = json(server.get("/sandbox/context"));
        assertNull(without.get("header"), without.toString());
        assertEquals("hello from the configuration", without.get("greeting"));
    }

    /** A refused capability answers 500 and says in the log which grant is missing; the instance goes. */
    private static void assertRefused(String path, String logged) throws Exception {
        int before = occurrences(server.log(), logged);
        HttpResponse<byte[]> response = server.get(path);
        assertEquals(500, response.statusCode(), text(response));
        assertEquals("the server failed to handle the request", json(response).get("detail"));
        long deadline = System.currentTimeMillis() + 5_000;
        while (occurrences(server.log(), logged) <= before && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(occurrences(server.log(), logged) > before, "the log lacks another: " + logged);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    @Test
    void countsCallsFaultsAndWaitsPerModuleInPrometheusFormat() throws Exception {
        server.get("/faults/trap");
        server.get("/faults/state");
        HttpResponse<byte[]> metrics = server.get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
        String text = text(metrics);
        assertTrue(count(text, "weft_wasm_calls_seconds_count{module=\"faults\",outcome=\"trapped\"}") >= 1, text);
        assertTrue(count(text, "weft_wasm_calls_seconds_count{module=\"faults\",outcome=\"ok\"}") >= 1, text);
        assertTrue(text.contains("weft_wasm_calls_seconds_bucket{module=\"faults\",outcome=\"ok\",le="), "histogram");
        assertTrue(text.contains("weft_wasm_pool_waits_total{module=\"faults\"}"), text);
        assertTrue(count(text, "weft_wasm_instances{module=\"faults\"}") >= 0, "idle instances: a number");
        assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/faults/state\",status=\"200\"}"));
        assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics");
    }

    @Test
    void countsIdleInstancesStillAfterAGarbageCollection() throws Exception {
        assertEquals("1", text(server.get("/faults/state")));
        // A real collection in the server: a gauge Micrometer held only weakly would now read NaN.
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.pid()), "GC.run").redirectErrorStream(true).start();
        assertEquals(0, gc.waitFor(), new String(gc.getInputStream().readAllBytes()));
        String metrics = text(server.get("/metrics"));
        double idle = count(metrics, "weft_wasm_instances{module=\"faults\"}");
        assertTrue(idle >= 1 && idle <= 2, "idle instances of faults: " + idle + "\n" + metrics);
    }

    @Test
    void resetsInstancesInPlaceRatherThanCreatingOnePerRequest() throws Exception {
        for (int i = 0; i < 50; i++) {
            assertEquals("hi", text(server.get("/hello")));
        }
        double created = count(text(server.get("/metrics")), "weft_wasm_instantiations_total{module=\"hello\"}");
        assertTrue(created >= 1 && created <= 2, created + " instances for 50 sequential requests");
    }

    /**
     * /matmul?n=100 grows the guest's memory (three 100 x 100 matrices do not fit its fresh pages):
     * the instance goes back to its fresh size in place, and the same answer comes each time.
     */
    @Test
    void resetsAnInstanceWhoseMemoryGrewInPlace() throws Exception {
        String first = text(server.get("/matmul?n=100&seed=7"));
        Instances before = instances("matmul");
        for (int i = 0; i < 20; i++) {
            String answer = text(server.get("/matmul?n=100&seed=7"));
            assertEquals(first.replaceAll("\"computeMs\":[^,}]+", ""), answer.replaceAll("\"computeMs\":[^,}]+", ""));
        }
        Instances after = instances("matmul");
        assertEquals(before.created(), after.created(), "no instance created for 20 requests that grew memory");
        assertEquals(0, after.discardedSince(before));
    }

    @Test
    void showsTheLiveVersionOfEachModule() throws Exception {
        Map<String, Object> faults = faults();
        assertEquals("built with the application", faults.get("version"));
        assertEquals(64, ((String) faults.get("sha256")).length());
        assertEquals(2L, ((Number) faults.get("maxInstances")).longValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> faults() throws Exception {
        return (Map<String, Object>) ((Map<String, Object>) json(server.get("/health")).get("modules")).get("faults");
    }

    /** Waits (up to 0.9 s) until both instances of faults are lent to requests. */
    private static void awaitBothFaultsInstancesInUse() throws Exception {
        long deadline = System.currentTimeMillis() + 900;
        while (((Number) faults().get("instancesInUse")).intValue() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
    }

    private static void assertNextRequestIsServed() throws Exception {
        assertEquals("1", text(server.get("/faults/state")));
        assertEquals("hi", text(server.get("/hello")));
    }

    private static void awaitLog(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!server.log().contains(text) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(server.log().contains(text), "the log lacks: " + text);
    }

    /** What /metrics says of a module's instances: how many were ever created, how many are idle now. */
    private record Instances(double created, double idle) {
        /** Instances thrown away since {@code before}: each new one replaced one, or emptied the pool by one. */
        long discardedSince(Instances before) {
            return Math.round((created - before.created) - (idle - before.idle));
        }
    }

    private static Instances instances(String module) throws Exception {
        String metrics = text(server.get("/metrics"));
        String tag = "{module=\"" + module + "\"}";
        return new Instances(count(metrics, "weft_wasm_instantiations_total" + tag), count(metrics, "weft_wasm_instances" + tag));
    }

    /** The value of a Prometheus sample line. */
    private static double count(String metrics, String sample) {
        return metrics.lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(sample.length() + 1))).orElse(-1.0);
    }
}
