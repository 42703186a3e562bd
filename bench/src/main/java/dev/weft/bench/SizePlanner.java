package dev.weft.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides, before a system runs a size, whether it runs it and with how many repetitions, from
 * an estimate of one request's time (see {@link Timings}). Nothing is dropped silently: a skip
 * carries its reason into the report.
 */
public final class SizePlanner {

    /** Fewer than this many repetitions would make a poor mean, so the size budget skips instead. */
    static final int MIN_REDUCED_REPS = 3;

    public sealed interface Plan permits Run, Skip {}

    /** Run the size; {@code note} says why {@code reps} is below the configured number, if it is. */
    public record Run(int reps, Optional<String> note) implements Plan {}

    public record Skip(String reason) implements Plan {}

    private final Options options;

    public SizePlanner(Options options) {
        this.options = options;
    }

    /**
     * @param estimate one request's time at n, when there is anything to guess it from
     * @param runTimeLeft what is left of the run budget, when there is one
     */
    public Plan plan(Optional<Timings.Estimate> estimate, Optional<Duration> runTimeLeft) {
        if (runTimeLeft.isPresent() && runTimeLeft.get().isNegative()) {
            return new Skip("the run budget of " + minutes(options.runBudget().orElseThrow()) + " was used up");
        }
        if (estimate.isEmpty()) {
            return new Run(options.reps(), Optional.empty()); // the first size: the request timeout is the cap
        }
        double ms = estimate.get().perRequestMs();
        double capMs = options.cap().toMillis();
        if (ms > capMs) {
            return new Skip(String.format(
                    "one request estimated at %s (%s), above the cap of %s",
                    Format.duration(ms), estimate.get().basis(), Format.duration(capMs)));
        }
        int reps = options.reps();
        String note = null;
        if (options.sizeBudget().isPresent()) {
            double budgetMs = options.sizeBudget().get().toMillis();
            int fitting = (int) Math.floor(budgetMs / ms) - 1 - expectedWarmups(ms);
            if (fitting < MIN_REDUCED_REPS) {
                return new Skip(String.format(
                        "%d repetitions at an estimated %s each (%s) would not fit the size budget of %s",
                        MIN_REDUCED_REPS, Format.duration(ms), estimate.get().basis(), Format.duration(budgetMs)));
            }
            if (fitting < reps) {
                note = String.format(
                        "%d repetitions instead of %d: at an estimated %s each (%s), that is what fits the size budget"
                                + " of %s",
                        fitting, reps, Format.duration(ms), estimate.get().basis(), Format.duration(budgetMs));
                reps = fitting;
            }
        }
        if (runTimeLeft.isPresent()
                && requests(ms, reps) * ms > runTimeLeft.get().toMillis()) {
            return new Skip(String.format(
                    "an estimated %s would overrun the run budget of %s",
                    Format.duration(requests(ms, reps) * ms),
                    minutes(options.runBudget().orElseThrow())));
        }
        return new Run(reps, Optional.ofNullable(note));
    }

    /** Requests at a size: the cold one, the warm-ups, the timed repetitions. */
    public int requests(double perRequestMs, int reps) {
        return 1 + expectedWarmups(perRequestMs) + reps;
    }

    /**
     * Warm-ups continue while the size's requests so far (the cold one included) took less than
     * the warm-up time: at large sizes the cold request alone runs the loops long enough to be
     * compiled, and further warm-ups would only cost minutes.
     */
    public boolean wantsWarmup(int warmupsDone, double spentMs) {
        return warmupsDone < options.warmups() && spentMs < options.warmupTime().toMillis();
    }

    int expectedWarmups(double perRequestMs) {
        int warmups = 0;
        double spent = perRequestMs; // the cold request
        while (wantsWarmup(warmups, spent)) {
            warmups++;
            spent += perRequestMs;
        }
        return warmups;
    }

    private static String minutes(Duration duration) {
        return Format.duration(duration.toMillis());
    }
}
