package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimingsTest {

    @Test
    void scalesTheLargestSmallerSizeByTheCube() {
        Timings timings = new Timings();
        timings.record("gin", 100, Phase.COLD, 50);
        timings.record("gin", 500, Phase.COLD, 900);
        timings.record("gin", 500, Phase.TIMED, 100);
        timings.record("gin", 500, Phase.TIMED, 120);
        Timings.Estimate estimate = timings.ownEstimate("gin", 1000).orElseThrow();
        assertEquals(110 * 8, estimate.perRequestMs(), 1e-9); // warm mean at 500, times (1000/500)^3
        assertTrue(estimate.basis().contains("n=500"), estimate.basis());
    }

    @Test
    void usesTheColdRequestUntilThereIsAWarmOne() {
        Timings timings = new Timings();
        timings.record("spring", 200, Phase.COLD, 400);
        assertEquals(400, timings.ownEstimate("spring", 200).orElseThrow().perRequestMs());
    }

    @Test
    void anotherSystemsTimeIsOnlyForTheProgressLine() {
        Timings timings = new Timings();
        timings.record("gin", 100, Phase.TIMED, 2);
        timings.record("spring", 100, Phase.TIMED, 4);
        timings.record("fastapi", 100, Phase.TIMED, 60);
        assertTrue(timings.ownEstimate("weft-wasm", 100).isEmpty());
        assertEquals(4, timings.anyEstimate("weft-wasm", 100).orElseThrow().perRequestMs()); // the median
    }
}
