package dev.weft.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Client times seen so far, per system and size, for estimating the next sizes: matrix
 * multiplication is O(n³), so a time at n scales by (n'/n)³ to n'. The estimates decide skips
 * and feed the progress line's time left; they are never reported as results.
 */
public final class Timings {

    /** A per-request time guessed for a size, and what it was guessed from. */
    public record Estimate(double perRequestMs, String basis) {}

    private record Key(String system, int n) {}

    /** Sums of the warm requests (warm-up and timed), or the cold one while there is no other. */
    private static final class Tally {
        double coldMs = Double.NaN;
        double warmSum;
        int warmCount;

        double mean() {
            return warmCount > 0 ? warmSum / warmCount : coldMs;
        }
    }

    private final Map<Key, Tally> tallies = new HashMap<>();

    public void record(String system, int n, Phase phase, double clientMs) {
        Tally tally = tallies.computeIfAbsent(new Key(system, n), key -> new Tally());
        if (phase == Phase.COLD) {
            tally.coldMs = clientMs;
        } else {
            tally.warmSum += clientMs;
            tally.warmCount++;
        }
    }

    /** From this system's own times only: at n itself, else scaled from its largest smaller size. */
    public Optional<Estimate> ownEstimate(String system, int n) {
        Tally here = tallies.get(new Key(system, n));
        if (here != null) {
            return Optional.of(new Estimate(here.mean(), String.format("%s at n=%d", Format.duration(here.mean()), n)));
        }
        return tallies.entrySet().stream()
                .filter(e -> e.getKey().system().equals(system) && e.getKey().n() < n)
                .max((a, b) -> Integer.compare(a.getKey().n(), b.getKey().n()))
                .map(e -> scaled(e.getValue().mean(), e.getKey().n(), n));
    }

    /**
     * For the progress line: this system's own estimate if it has one, else the median of the
     * other systems' estimates for n (a rough guess until the system has run a size itself).
     */
    public Optional<Estimate> anyEstimate(String system, int n) {
        Optional<Estimate> own = ownEstimate(system, n);
        if (own.isPresent()) {
            return own;
        }
        List<Double> others = new ArrayList<>();
        tallies.keySet().stream().map(Key::system).distinct().forEach(other -> ownEstimate(other, n)
                .ifPresent(estimate -> others.add(estimate.perRequestMs())));
        if (others.isEmpty()) {
            return Optional.empty();
        }
        others.sort(Double::compare);
        return Optional.of(new Estimate(others.get(others.size() / 2), "other systems"));
    }

    static Estimate scaled(double ms, int from, int to) {
        double factor = Math.pow((double) to / from, 3);
        return new Estimate(ms * factor, String.format("%s at n=%d × (%d/%d)³", Format.duration(ms), from, to, from));
    }
}
