package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SizePlannerTest {

    private static Optional<Timings.Estimate> perRequest(double ms) {
        return Optional.of(new Timings.Estimate(ms, "test"));
    }

    @Test
    void theFirstSizeRunsInFull() {
        SizePlanner planner = new SizePlanner(Options.parse("paper"));
        assertEquals(new SizePlanner.Run(30, Optional.empty()), planner.plan(Optional.empty(), Optional.empty()));
    }

    @Test
    void aSizeEstimatedAboveTheCapIsSkippedWithItsReason() {
        SizePlanner planner = new SizePlanner(Options.parse("paper", "--cap", "60"));
        SizePlanner.Skip skip =
                assertInstanceOf(SizePlanner.Skip.class, planner.plan(perRequest(61_000), Optional.empty()));
        assertTrue(skip.reason().contains("61.0 s") && skip.reason().contains("cap of 60.0 s"), skip.reason());
        assertInstanceOf(SizePlanner.Run.class, planner.plan(perRequest(59_000), Optional.empty()));
    }

    @Test
    void theSizeBudgetCutsRepetitionsToWhatFits() {
        // 10 s per request: the cold one and no warm-up (it already took the 10 s warm-up time),
        // so a 300 s budget holds 29 more requests.
        SizePlanner planner = new SizePlanner(Options.parse("paper", "--size-budget", "300"));
        SizePlanner.Run run =
                assertInstanceOf(SizePlanner.Run.class, planner.plan(perRequest(10_000), Optional.empty()));
        assertEquals(29, run.reps());
        assertTrue(
                run.note().orElseThrow().contains("29 repetitions instead of 30"),
                run.note().get());
    }

    @Test
    void theSizeBudgetSkipsWhenNotEvenThreeRepetitionsFit() {
        SizePlanner planner = new SizePlanner(Options.parse("paper", "--size-budget", "300"));
        assertInstanceOf(SizePlanner.Skip.class, planner.plan(perRequest(80_000), Optional.empty()));
    }

    @Test
    void aUsedUpRunBudgetSkips() {
        SizePlanner planner = new SizePlanner(Options.parse("quick", "--budget", "1"));
        assertInstanceOf(SizePlanner.Skip.class, planner.plan(perRequest(1), Optional.of(Duration.ofSeconds(-1))));
        assertInstanceOf(SizePlanner.Skip.class, planner.plan(perRequest(20_000), Optional.of(Duration.ofSeconds(30))));
        assertInstanceOf(SizePlanner.Run.class, planner.plan(perRequest(10), Optional.of(Duration.ofSeconds(30))));
    }

    @Test
    void warmUpsStopAtTheirCountOrTheirTime() {
        SizePlanner planner = new SizePlanner(Options.parse("paper")); // 5 warm-ups, 10 s
        assertEquals(5, planner.expectedWarmups(100));
        assertEquals(3, planner.expectedWarmups(3_000)); // 3 s cold, then 6, 9, 12 s
        assertEquals(0, planner.expectedWarmups(12_000));
        assertEquals(1 + 3 + 30, planner.requests(3_000, 30));
    }
}
