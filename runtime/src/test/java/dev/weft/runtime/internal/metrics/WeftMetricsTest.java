package dev.weft.runtime.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeftMetricsTest {

    @Test
    void aScrapeHasTheJvmsMetersBoundOnceWhateverTheNumberOfScrapes() {
        String first = WeftMetrics.scrape();
        String second = WeftMetrics.scrape();
        for (String meter : new String[] {"jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                "system_cpu_count", "process_uptime_seconds"}) {
            assertTrue(first.contains(meter), meter + " is missing from the scrape");
            assertTrue(second.contains(meter), meter + " is missing from a later scrape");
        }
        assertNotNull(WeftMetrics.registry().find("jvm.gc.memory.allocated").counter(), "garbage collection meters");
        assertEquals(1, WeftMetrics.registry().find("process.uptime").timeGauges().size(), "bound once");
    }
}
