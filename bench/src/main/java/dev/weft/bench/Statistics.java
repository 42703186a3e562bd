package dev.weft.bench;

import java.util.List;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.OneWayAnova;
import org.apache.commons.statistics.inference.TTest;

/**
 * The paper's statistics, with Apache Commons Statistics: summaries, Welch's t-test, one-way
 * ANOVA. Its p-values are computed from the distributions' upper tails directly (not as 1 - cdf),
 * so tiny p-values keep their magnitude instead of rounding to 0.
 */
public final class Statistics {

    private static final TTest WELCH =
            TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).with(AlternativeHypothesis.TWO_SIDED);

    private Statistics() {}

    /**
     * Mean, sample standard deviation, and the 95% confidence interval of the mean from
     * Student's t with count - 1 degrees of freedom. With one value, only the mean is known.
     */
    public record Summary(int count, double mean, double sd, double ciLow, double ciHigh) {}

    /** F and its p-value; NaN when fewer than two groups have two values or more. */
    public record Anova(int groups, double f, double p) {}

    public static Summary summarize(double[] values) {
        int count = values.length;
        if (count < 2) {
            return new Summary(count, count == 1 ? values[0] : Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Mean.of(values).getAsDouble();
        double sd = StandardDeviation.of(values).getAsDouble(); // n - 1 in the denominator
        double halfWidth =
                TDistribution.of(count - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(count);
        return new Summary(count, mean, sd, mean - halfWidth, mean + halfWidth);
    }

    /**
     * The two-sided p-value of Welch's t-test (unequal variances). NaN when either side has
     * fewer than two values or the test is undefined (both samples constant).
     */
    public static double welchP(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        try {
            return WELCH.test(a, b).getPValue();
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** One-way ANOVA over the groups that have at least two values. */
    public static Anova anova(List<double[]> groups) {
        List<double[]> usable = groups.stream().filter(g -> g.length >= 2).toList();
        if (usable.size() < 2) {
            return new Anova(usable.size(), Double.NaN, Double.NaN);
        }
        try {
            OneWayAnova.Result result = OneWayAnova.withDefaults().test(usable);
            return new Anova(usable.size(), result.getStatistic(), result.getPValue());
        } catch (IllegalArgumentException e) {
            return new Anova(usable.size(), Double.NaN, Double.NaN);
        }
    }
}
