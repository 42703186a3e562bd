package dev.weft.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Sentences that state what the numbers say, for the report and the console: per size the
 * fastest system and the baseline's time, ratio and rank; per load route the same for
 * throughput. Generated, so they cannot say more than the data.
 */
public final class Findings {

    private Findings() {}

    public static List<String> of(Analysis analysis) {
        String baseline = analysis.results().baseline();
        List<String> findings = new ArrayList<>();
        for (Analysis.Size size : analysis.sizes()) {
            size.fastest().ifPresent(fastest -> findings.add(size(size, fastest, baseline)));
        }
        for (String route : analysis.results().options().load().routes()) {
            load(analysis, route, baseline).ifPresent(findings::add);
        }
        return findings;
    }

    private static String size(Analysis.Size size, Analysis.Row fastest, String baseline) {
        String text = "n=" + size.n() + ": fastest " + fastest.system() + " at "
                + Format.significant(fastest.client().mean()) + " ms";
        Optional<Analysis.Row> base = size.row(baseline);
        if (base.isEmpty()) {
            return text + "; " + baseline + " was not measured at this size.";
        }
        if (base.get() == fastest) {
            return text + " (the baseline).";
        }
        double mean = base.get().client().mean();
        long rank = size.rows().stream().filter(r -> r.client().mean() < mean).count() + 1;
        double p = Statistics.welchP(
                base.get().measured().clientMs(), fastest.measured().clientMs());
        return text + "; " + baseline + " " + Format.significant(mean) + " ms, "
                + Format.fixed(mean / fastest.client().mean(), 2) + " times the fastest's time (Welch p "
                + Format.pValue(p) + "), rank " + rank + " of " + size.rows().size() + " measured.";
    }

    private static Optional<String> load(Analysis analysis, String route, String baseline) {
        List<Analysis.Load> loads = analysis.load().stream()
                .filter(l -> l.route().equals(route))
                .sorted(Comparator.comparingDouble(
                                (Analysis.Load l) -> l.median().wrk().requestsPerSec())
                        .reversed())
                .toList();
        if (loads.isEmpty()) {
            return Optional.empty();
        }
        Analysis.Load top = loads.getFirst();
        String text = route + " under load: highest throughput " + top.system() + " at " + rate(top) + " requests/s";
        Optional<Analysis.Load> base =
                loads.stream().filter(l -> l.system().equals(baseline)).findFirst();
        if (base.isEmpty()) {
            return Optional.of(text + "; " + baseline + " was not load-tested.");
        }
        if (base.get() == top) {
            return Optional.of(text + " (the baseline).");
        }
        return Optional.of(text + "; " + baseline + " " + rate(base.get()) + " requests/s, rank "
                + (loads.indexOf(base.get()) + 1) + " of " + loads.size() + ".");
    }

    private static String rate(Analysis.Load load) {
        return Format.fixed(load.median().wrk().requestsPerSec(), 0);
    }
}
