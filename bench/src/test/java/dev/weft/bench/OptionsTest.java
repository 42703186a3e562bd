package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void profilesAreThePapersDesignAndSmallerOnes() {
        Options paper = Options.parse("paper");
        assertEquals(List.of(100, 200, 500, 1000, 2000, 5000), paper.sizes());
        assertEquals(30, paper.reps());
        assertEquals(Duration.ofSeconds(6), paper.load().duration());
        Options quick = Options.parse();
        assertEquals("quick", quick.profile());
        assertEquals(List.of(100, 200), quick.sizes());
        assertEquals(5, quick.reps());
        Options smoke = Options.parse("smoke");
        assertEquals(List.of(100), smoke.sizes());
        assertEquals(1, smoke.load().runs());
    }

    @Test
    void optionsOverrideTheProfile() {
        Options o = Options.parse(
                "paper",
                "--sizes",
                "500,100",
                "--reps",
                "10",
                "--systems",
                "weft-wasm,gin",
                "--cap",
                "30",
                "--size-budget",
                "300",
                "--budget",
                "90",
                "--load-duration",
                "2",
                "--no-load");
        assertEquals(List.of(100, 500), o.sizes());
        assertEquals(10, o.reps());
        assertEquals(List.of("weft-wasm", "gin"), o.systems());
        assertEquals(Duration.ofSeconds(30), o.cap());
        assertEquals(Optional.of(Duration.ofMinutes(5)), o.sizeBudget());
        assertEquals(Optional.of(Duration.ofMinutes(90)), o.runBudget());
        assertEquals(Duration.ofSeconds(2), o.load().duration());
        assertFalse(o.load().enabled());
        assertEquals("paper", o.profile());
    }

    @Test
    void badArgumentsAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse("huge"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--reps"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--reps", "1"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--sizes", "0,100"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--sizes", "6000"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--frobnicate", "1"));
    }

    @Test
    void loadWarmUpRepeatsUntilSettledExceptWhereOneRunIsAsked() {
        Options paper = Options.parse("paper");
        assertEquals(Duration.ofSeconds(3), paper.load().warmup());
        assertEquals(10, paper.load().warmupMaxRuns());
        Options single = Options.parse("paper", "--load-warmup", "2", "--load-warmup-runs", "1");
        assertEquals(Duration.ofSeconds(2), single.load().warmup());
        assertEquals(1, single.load().warmupMaxRuns());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("quick", "--load-warmup-runs", "0"));
    }

    @Test
    void warmUpSeedsMustStayBelowTheTimedOnes() {
        assertEquals(Options.MAX_WARMUPS, Options.parse("quick", "--warmups", "998").warmups());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("quick", "--warmups", "999"));
    }
}
