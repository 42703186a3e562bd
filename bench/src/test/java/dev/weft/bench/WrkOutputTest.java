package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WrkOutputTest {

    // Real wrk 4.1.0 output from this machine (Gin peer).
    private static final String CLEAN = """
        Running 2s test @ http://127.0.0.1:18181/hello
          1 threads and 50 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     3.32ms    6.50ms 118.64ms   95.81%
            Req/Sec    20.27k     7.34k   30.76k    65.00%
          Latency Distribution
             50%    1.63ms
             75%    3.19ms
             90%    6.05ms
             99%   42.49ms
          40355 requests in 2.01s, 4.54MB read
        Requests/sec:  20043.73
        Transfer/sec:      2.26MB
        """;

    @Test
    void readsRateAndPercentiles() {
        WrkOutput out = WrkOutput.parse(CLEAN);
        assertEquals(20043.73, out.requestsPerSec());
        assertEquals(1.63, out.p50Ms(), 1e-12);
        assertEquals(42.49, out.p99Ms(), 1e-12);
        assertEquals(40355, out.requests());
        assertEquals(0, out.non2xx());
        assertEquals(0, out.socketErrors());
    }

    @Test
    void convertsUnitsAndCountsErrors() {
        String text = CLEAN.replace("1.63ms", "850.00us")
                .replace("42.49ms", "1.20s")
                .replace(
                        "  40355 requests",
                        "  Non-2xx or 3xx responses: 5\n"
                                + "  Socket errors: connect 1, read 2, write 3, timeout 4\n"
                                + "  40355 requests");
        WrkOutput out = WrkOutput.parse(text);
        assertEquals(0.85, out.p50Ms(), 1e-12);
        assertEquals(1200, out.p99Ms(), 1e-9);
        assertEquals(5, out.non2xx());
        assertEquals(10, out.socketErrors());
    }

    @Test
    void refusesOutputWithoutLatencyDistribution() {
        assertThrows(
                IllegalArgumentException.class,
                () -> WrkOutput.parse("Requests/sec: 1.0\n  5 requests in 1.00s, 1KB read\n"));
    }
}
