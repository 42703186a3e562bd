package dev.weft.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The statistics of a finished run, computed once for the CSV files, the charts and the report:
 * per size, each measured system's summaries and its comparison with the baseline (weft-wasm);
 * per load route, each system's median wrk run.
 */
public final class Analysis {

    /**
     * One system at one size.
     *
     * @param ratio its mean client time divided by the baseline's (below 1: faster than the baseline)
     * @param welchP Welch's t-test of its client times against the baseline's; NaN for the baseline
     */
    public record Row(
            SizeOutcome.Measured measured,
            Statistics.Summary client,
            Statistics.Summary server,
            double ratio,
            double welchP) {
        public String system() {
            return measured.system();
        }
    }

    /** One size: the measured systems in report order, ANOVA across them, and who was skipped. */
    public record Size(int n, List<Row> rows, Statistics.Anova anova, List<SizeOutcome.Skipped> skipped) {
        public Optional<Row> row(String system) {
            return rows.stream().filter(r -> r.system().equals(system)).findFirst();
        }

        public Optional<Row> fastest() {
            return rows.stream().min(Comparator.comparingDouble(r -> r.client().mean()));
        }
    }

    /**
     * One system on one load route.
     *
     * @param median the run with the median requests/s (the lower middle one for an even count)
     * @param errors non-2xx answers and socket errors over all its runs
     */
    public record Load(String system, String route, LoadRunner.LoadRun median, int runs, long errors) {}

    private final RunResults results;
    private final List<Size> sizes = new ArrayList<>();
    private final List<Load> load = new ArrayList<>();

    public Analysis(RunResults results) {
        this.results = results;
        results.options().sizes().forEach(n -> sizes.add(size(n)));
        for (SystemResult system : results.systems()) {
            for (String route : results.options().load().routes()) {
                loadOf(system, route).ifPresent(load::add);
            }
        }
    }

    public RunResults results() {
        return results;
    }

    public List<Size> sizes() {
        return sizes;
    }

    public List<Load> load() {
        return load;
    }

    public Optional<Load> load(String system, String route) {
        return load.stream()
                .filter(l -> l.system().equals(system) && l.route().equals(route))
                .findFirst();
    }

    private Size size(int n) {
        List<SizeOutcome.Measured> measured = new ArrayList<>();
        List<SizeOutcome.Skipped> skipped = new ArrayList<>();
        for (SystemResult system : results.systems()) {
            system.sizes().stream().filter(o -> o.n() == n).forEach(outcome -> {
                switch (outcome) {
                    case SizeOutcome.Measured m -> measured.add(m);
                    case SizeOutcome.Skipped s -> skipped.add(s);
                }
            });
        }
        Optional<SizeOutcome.Measured> baseline = measured.stream()
                .filter(m -> m.system().equals(results.baseline()))
                .findFirst();
        List<Row> rows = measured.stream()
                .map(m -> {
                    Statistics.Summary client = Statistics.summarize(m.clientMs());
                    double ratio = baseline.map(b -> client.mean()
                                    / Statistics.summarize(b.clientMs()).mean())
                            .orElse(Double.NaN);
                    double p = baseline.filter(b -> b != m)
                            .map(b -> Statistics.welchP(b.clientMs(), m.clientMs()))
                            .orElse(Double.NaN);
                    return new Row(m, client, Statistics.summarize(m.serverMs()), ratio, p);
                })
                .toList();
        Statistics.Anova anova = Statistics.anova(
                measured.stream().map(SizeOutcome.Measured::clientMs).toList());
        return new Size(n, rows, anova, skipped);
    }

    private static Optional<Load> loadOf(SystemResult system, String route) {
        List<LoadRunner.LoadRun> runs = system.load().stream()
                .filter(r -> r.route().equals(route))
                .sorted(Comparator.comparingDouble(r -> r.wrk().requestsPerSec()))
                .toList();
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        long errors = runs.stream()
                .mapToLong(r -> r.wrk().non2xx() + r.wrk().socketErrors())
                .sum();
        return Optional.of(new Load(system.id(), route, runs.get((runs.size() - 1) / 2), runs.size(), errors));
    }
}
