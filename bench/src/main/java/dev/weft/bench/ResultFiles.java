package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV files beside raw.csv: summary.csv (per size and system), load.csv (every wrk run) and
 * systems.csv (start-ups, idle memory, versions, artefact sizes).
 */
public final class ResultFiles {

    private ResultFiles() {}

    public static void write(Analysis analysis, Path dir) throws IOException {
        summary(analysis, dir.resolve("summary.csv"));
        load(analysis, dir.resolve("load.csv"));
        systems(analysis.results(), dir.resolve("systems.csv"));
    }

    static final List<String> SUMMARY_HEADER = List.of(
            "size",
            "system",
            "status",
            "reps",
            "warmups",
            "client_mean_ms",
            "client_sd_ms",
            "client_ci95_low_ms",
            "client_ci95_high_ms",
            "server_mean_ms",
            "server_sd_ms",
            "server_ci95_low_ms",
            "server_ci95_high_ms",
            "cold_client_ms",
            "cold_server_ms",
            "peak_rss_kb",
            "baseline",
            "ratio_to_baseline",
            "welch_p_vs_baseline",
            "anova_f",
            "anova_p",
            "note");

    static void summary(Analysis analysis, Path file) throws IOException {
        String baseline = analysis.results().baseline();
        try (Csv csv = new Csv(file, SUMMARY_HEADER)) {
            for (Analysis.Size size : analysis.sizes()) {
                String anovaF = number(size.anova().f());
                String anovaP = Format.pValueExact(size.anova().p());
                for (Analysis.Row row : size.rows()) {
                    SizeOutcome.Measured m = row.measured();
                    List<Object> fields = new ArrayList<>(List.of(
                            size.n(), row.system(), "measured", row.client().count(), m.warmups()));
                    fields.addAll(summaryFields(row.client()));
                    fields.addAll(summaryFields(row.server()));
                    fields.addAll(List.of(
                            Format.fixed(m.cold().clientMs(), 3),
                            Format.fixed(m.cold().serverMs(), 3),
                            m.peakRssKb(),
                            baseline,
                            Format.fixed(row.ratio(), 4),
                            Format.pValueExact(row.welchP()),
                            anovaF,
                            anovaP,
                            m.note().orElse("")));
                    csv.row(fields);
                }
                for (SizeOutcome.Skipped s : size.skipped()) {
                    List<Object> fields = new ArrayList<>(List.of(
                            size.n(), s.system(), s.cause() == SizeOutcome.Cause.FAILED ? "failed" : "skipped"));
                    while (fields.size() < SUMMARY_HEADER.size() - 1) {
                        fields.add(""); // no measurement; the reason goes in the note
                    }
                    fields.add(s.reason());
                    csv.row(fields);
                }
            }
        }
    }

    static void load(Analysis analysis, Path file) throws IOException {
        try (Csv csv = new Csv(
                file,
                List.of(
                        "system",
                        "route",
                        "run",
                        "requests_per_sec",
                        "p50_ms",
                        "p99_ms",
                        "requests",
                        "non_2xx",
                        "socket_errors",
                        "peak_rss_kb",
                        "median_run",
                        "warmup_runs",
                        "warmup_settled"))) {
            for (SystemResult system : analysis.results().systems()) {
                for (LoadRunner.LoadRun run : system.load()) {
                    boolean median = analysis.load(run.system(), run.route())
                            .map(l -> l.median() == run)
                            .orElse(false);
                    WrkOutput wrk = run.wrk();
                    csv.row(List.of(
                            run.system(),
                            run.route(),
                            run.run(),
                            Format.fixed(wrk.requestsPerSec(), 2),
                            Format.fixed(wrk.p50Ms(), 3),
                            Format.fixed(wrk.p99Ms(), 3),
                            wrk.requests(),
                            wrk.non2xx(),
                            wrk.socketErrors(),
                            run.peakRssKb(),
                            median,
                            run.warmup().runs(),
                            run.warmup().settled()));
                }
            }
        }
    }

    static void systems(RunResults results, Path file) throws IOException {
        try (Csv csv = new Csv(
                file,
                List.of(
                        "system",
                        "name",
                        "version",
                        "start",
                        "startup_ms",
                        "idle_rss_kb",
                        "artifact_bytes",
                        "artifact_bytes_with_excluded"))) {
            for (SystemResult system : results.systems()) {
                List<ServerProcess.Startup> startups = system.startups();
                for (int i = 0; i < startups.size(); i++) {
                    csv.row(List.of(
                            system.id(),
                            system.spec().name(),
                            system.version(),
                            i + 1,
                            Format.fixed(startups.get(i).millis(), 1),
                            startups.get(i).idleRssKb(),
                            system.artifacts().bytes(),
                            system.artifacts().bytesWithExcluded()));
                }
            }
        }
    }

    private static List<String> summaryFields(Statistics.Summary s) {
        return List.of(number(s.mean()), number(s.sd()), number(s.ciLow()), number(s.ciHigh()));
    }

    // Full precision for the statistics, empty for "not defined"
    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
