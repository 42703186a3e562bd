package dev.weft.example;

import static dev.weft.example.RunningExample.json;
import static dev.weft.example.RunningExample.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
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
        server = RunningExample.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void stopsAnEndlessLoopAtTheDeadlineWith504() throws Exception {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = server.get("/faults/loop");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(504, response.statusCode());
        assertEquals("the wasm module 'faults' did not finish 'spin' within 1000 ms", json(response).get("detail"));
        assertTrue(millis >= 1000 && millis < 5000, "answered after " + millis + " ms");
        assertNextRequestIsServed();
    }

    @Test
    void answersATrapWith500AndNothingOfItsCause() throws Exception {
        HttpResponse<byte[]> response = server.get("/faults/trap");
        assertEquals(500, response.statusCode());
        assertEquals("the server failed to handle the request", json(response).get("detail"));
        awaitLog("Trapped on unreachable instruction");
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
        // The same under load: many requests at once, on the module's two instances.
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                answers.add(clients.submit(() -> server.get("/faults/state")));
            }
            int busy = 0;
            for (Future<HttpResponse<byte[]>> answer : answers) {
                HttpResponse<byte[]> response = answer.get();
                if (response.statusCode() == 503) {
                    busy++;
                    continue;
                }
                assertEquals(200, response.statusCode(), text(response));
                assertEquals("1", text(response));
            }
            assertTrue(busy < 300, "some requests must get an instance");
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
            long deadline = System.currentTimeMillis() + 900;
            while (((Number) faults().get("instancesInUse")).intValue() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            HttpResponse<byte[]> third = server.get("/faults/state");
            assertEquals(503, third.statusCode(), text(third));
            assertEquals("1", third.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(((String) json(third).get("detail")).startsWith("the wasm module 'faults' is busy"));
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

        HttpResponse<byte[]> clock = server.get("/sandbox/clock");
        assertEquals(500, clock.statusCode());
        awaitLog("wasm module 'sandbox' called a WASI clock, which needs the 'clock' grant");
        assertNextRequestIsServed();
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
        assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/faults/state\",status=\"200\"}"));
        assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics");
    }

    @Test
    void resetsInstancesInPlaceRatherThanCreatingOnePerRequest() throws Exception {
        for (int i = 0; i < 50; i++) {
            assertEquals("hi", text(server.get("/hello")));
        }
        double created = count(text(server.get("/metrics")), "weft_wasm_instantiations_total{module=\"hello\"}");
        assertTrue(created >= 1 && created <= 2, created + " instances for 50 sequential requests");
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

    /** The value of a Prometheus sample line. */
    private static double count(String metrics, String sample) {
        return metrics.lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(sample.length() + 1))).orElse(-1.0);
    }
}
