package dev.weft.runtime.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.internal.metrics.ModuleMetrics.Outcome;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ModuleMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void callsAreCountedInFixedBucketsPerOutcome() {
        ModuleMetrics metrics = new ModuleMetrics(registry, "matmul", () -> 1);
        metrics.call(Outcome.OK, TimeUnit.MILLISECONDS.toNanos(3));
        metrics.call(Outcome.OK, TimeUnit.MICROSECONDS.toNanos(20));

        String text = registry.scrape();
        assertTrue(text.contains("weft_wasm_calls_seconds_bucket{module=\"matmul\",outcome=\"ok\",le=\"5.0E-5\"} 1"), text);
        assertTrue(text.contains("weft_wasm_calls_seconds_bucket{module=\"matmul\",outcome=\"ok\",le=\"0.0025\"} 1"), text);
        assertTrue(text.contains("weft_wasm_calls_seconds_bucket{module=\"matmul\",outcome=\"ok\",le=\"0.005\"} 2"), text);
        assertTrue(text.contains("weft_wasm_calls_seconds_count{module=\"matmul\",outcome=\"ok\"} 2"), text);
        assertEquals(ModuleMetrics.BUCKETS.length + 1, lines(text, "weft_wasm_calls_seconds_bucket{module=\"matmul\",outcome=\"ok\""),
                "the fixed buckets and +Inf");
    }

    /** Six outcomes of 69 buckets for every module made /metrics 409 KB; an outcome appears when it happens. */
    @Test
    void anOutcomeAppearsWithItsFirstCall() {
        ModuleMetrics metrics = new ModuleMetrics(registry, "faults", () -> 1);
        assertTrue(registry.scrape().contains("weft_wasm_calls_seconds_count{module=\"faults\",outcome=\"ok\"} 0"),
                "ok is there from the start, at zero");
        assertFalse(registry.scrape().contains("outcome=\"trapped\""));

        metrics.call(Outcome.TRAPPED, TimeUnit.MILLISECONDS.toNanos(1));
        metrics.call(Outcome.TRAPPED, TimeUnit.MILLISECONDS.toNanos(1));
        String text = registry.scrape();
        assertTrue(text.contains("weft_wasm_calls_seconds_count{module=\"faults\",outcome=\"trapped\"} 2"), text);
        assertFalse(text.contains("outcome=\"timed_out\""), text);
    }

    private static long lines(String text, String prefix) {
        return text.lines().filter(line -> line.startsWith(prefix)).count();
    }
}
