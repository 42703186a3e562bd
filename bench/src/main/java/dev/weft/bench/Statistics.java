package dev.weft.bench;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.apache.commons.math3.stat.inference.TTest;

/** The paper's statistics, with commons-math3: summaries, Welch's t-test, one-way ANOVA. */
public final class Statistics {

    private Statistics() {}

    /**
     * Mean, sample standard deviation, and the 95% confidence interval of the mean from
     * Student's t with count - 1 degrees of freedom. With one value, only the mean is known.
     */
    public record Summary(int count, double mean, double sd, double ciLow, double ciHigh) {}

    /** F and its p-value; NaN when fewer than two groups have two values or more. */
    public record Anova(int groups, double f, double p) {}

    public static Summary summarize(double[] values) {
        SummaryStatistics stats = new SummaryStatistics();
        for (double value : values) {
            stats.addValue(value);
        }
        int count = values.length;
        if (count < 2) {
            return new Summary(count, count == 1 ? values[0] : Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double halfWidth = new TDistribution(count - 1).inverseCumulativeProbability(0.975)
                * stats.getStandardDeviation()
                / Math.sqrt(count);
        return new Summary(
                count,
                stats.getMean(),
                stats.getStandardDeviation(),
                stats.getMean() - halfWidth,
                stats.getMean() + halfWidth);
    }

    /**
     * The two-sided p-value of Welch's t-test (unequal variances): commons-math's
     * {@code TTest.tTest(double[], double[])}. NaN when either side has fewer than two values or
     * the test is undefined (both samples constant).
     */
    public static double welchP(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        try {
            return new TTest().tTest(a, b);
        } catch (MathIllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** One-way ANOVA over the groups that have at least two values. */
    public static Anova anova(List<double[]> groups) {
        List<double[]> usable = groups.stream().filter(g -> g.length >= 2).toList();
        if (usable.size() < 2) {
            return new Anova(usable.size(), Double.NaN, Double.NaN);
        }
        OneWayAnova anova = new OneWayAnova();
        try {
            return new Anova(usable.size(), anova.anovaFValue(usable), anova.anovaPValue(usable));
        } catch (MathIllegalArgumentException e) {
            return new Anova(usable.size(), Double.NaN, Double.NaN);
        }
    }
}
