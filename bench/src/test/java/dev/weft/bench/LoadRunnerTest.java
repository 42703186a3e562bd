package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoadRunnerTest {

    @Test
    void warmUpRunsAgreeWithinFivePercentOfTheFasterOne() {
        assertTrue(LoadRunner.agree(10_000, 10_500)); // 4.8% of 10500
        assertTrue(LoadRunner.agree(10_500, 10_000));
        assertFalse(LoadRunner.agree(10_000, 10_600)); // 5.7%
        assertFalse(LoadRunner.agree(7_530, 9_267)); // the paper run's spring /json, runs 1 and 2
    }

    @Test
    void theFirstWarmUpRunHasNothingToAgreeWith() {
        assertFalse(LoadRunner.agree(Double.NaN, 10_000));
    }
}
