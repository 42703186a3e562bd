package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values computed independently with SciPy 1.17 (scipy.stats), not with Commons Statistics. */
class StatisticsTest {

    @Test
    void summaryHasSampleStandardDeviationAndStudentInterval() {
        Statistics.Summary s = Statistics.summarize(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(8, s.count());
        assertEquals(5.0, s.mean(), 1e-12);
        assertEquals(2.138089935299395, s.sd(), 1e-12);
        assertEquals(3.21251208176379, s.ciLow(), 1e-9);
        assertEquals(6.787487918236209, s.ciHigh(), 1e-9);
    }

    @Test
    void oneValueHasAMeanOnly() {
        Statistics.Summary s = Statistics.summarize(new double[] {42});
        assertEquals(42, s.mean());
        assertTrue(Double.isNaN(s.sd()) && Double.isNaN(s.ciLow()) && Double.isNaN(s.ciHigh()));
    }

    @Test
    void welchTestMatchesScipyWithUnequalVariances() {
        double[] a = {27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4};
        double[] b = {27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4};
        assertEquals(0.021378001462866992, Statistics.welchP(a, b), 1e-9);
    }

    /** n=100 of the committed paper run (raw.csv, timed client ms): weft-wasm against gin. */
    @Test
    void welchTestMatchesScipyOnThePaperRun() {
        double[] wasm = {
            27.041, 17.155, 17.482, 17.154, 16.711, 15.540, 18.277, 25.867, 19.171, 20.636, 17.582, 17.587, 16.631,
            21.878, 22.214, 18.323, 16.617, 17.370, 24.580, 18.572, 26.500, 25.259, 16.782, 14.228, 13.184, 20.033,
            15.617, 12.754, 10.638, 10.839
        };
        double[] gin = {
            3.396, 3.452, 3.274, 3.033, 2.836, 2.826, 2.968, 3.069, 3.496, 3.926, 3.491, 3.539, 10.078, 3.936, 3.295,
            3.184, 2.764, 3.818, 2.994, 3.443, 2.951, 3.002, 3.209, 2.862, 4.598, 3.233, 4.838, 3.742, 3.670, 2.977
        };
        assertRelative(5.35953225216563e-19, Statistics.welchP(wasm, gin), 1e-9);
    }

    @Test
    void welchTestNeedsTwoValuesPerSide() {
        assertTrue(Double.isNaN(Statistics.welchP(new double[] {1}, new double[] {1, 2})));
    }

    @Test
    void anovaMatchesScipy() {
        Statistics.Anova two = Statistics.anova(List.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}));
        assertEquals(13.5, two.f(), 1e-12);
        assertEquals(0.021311641128756713, two.p(), 1e-9);

        Statistics.Anova three = Statistics.anova(
                List.of(new double[] {12.1, 13.4, 11.8, 12.9}, new double[] {14.2, 15.1, 13.9}, new double[] {
                    11.0, 10.4, 11.9, 10.8, 11.3
                }));
        assertEquals(3, three.groups());
        assertEquals(25.59021323127393, three.f(), 1e-9);
        assertEquals(0.00019343836733290066, three.p(), 1e-9);
    }

    /** commons-math3 computed this p as 1 - cdf and wrote 0.0; the upper tail keeps its magnitude. */
    @Test
    void anovaKeepsTinyPValues() {
        List<double[]> groups = new ArrayList<>();
        for (int group = 0; group < 4; group++) {
            double[] values = new double[60];
            for (int j = 0; j < values.length; j++) {
                values[j] = group * 10 + j % 5;
            }
            groups.add(values);
        }
        Statistics.Anova anova = Statistics.anova(groups);
        assertRelative(4916.666666666667, anova.f(), 1e-12);
        assertRelative(2.2858888254041524e-212, anova.p(), 1e-9);
    }

    @Test
    void anovaLeavesOutGroupsWithOneValueAndNeedsTwoGroups() {
        Statistics.Anova anova = Statistics.anova(List.of(new double[] {1, 2, 3}, new double[] {4}));
        assertEquals(1, anova.groups());
        assertTrue(Double.isNaN(anova.f()) && Double.isNaN(anova.p()));
    }

    private static void assertRelative(double expected, double actual, double tolerance) {
        assertEquals(expected, actual, Math.abs(expected) * tolerance, () -> "relative to " + expected);
    }
}
