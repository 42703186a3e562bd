package dev.weft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput and latency under load with wrk on the small routes (/hello, /json): unrecorded
 * warm-up runs until two in a row agree on requests/s (JIT runtimes keep getting faster for a
 * while), then the measured runs, and the server's peak memory while they ran.
 */
public final class LoadRunner {

    /**
     * One measured wrk run.
     *
     * @param peakRssKb the server's peak over all runs of that route
     * @param warmup the warm-up before that route's measured runs
     */
    public record LoadRun(String system, String route, int run, WrkOutput wrk, long peakRssKb, Warmup warmup) {}

    /**
     * The warm-up of one route.
     *
     * @param runs how many warm-up runs there were (0: none)
     * @param settled whether the last two agreed within {@link Options.Load#WARMUP_AGREEMENT}
     */
    public record Warmup(int runs, boolean settled) {}

    private final Options.Load settings;
    private final Progress progress;

    public LoadRunner(Options.Load settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public List<LoadRun> run(SystemSpec spec, ServerProcess server) throws IOException, InterruptedException {
        List<LoadRun> runs = new ArrayList<>();
        for (String route : settings.routes()) {
            progress.loadStarting(spec, route);
            ProcFs.resetPeakRss(server.pid());
            Warmup warmup = warmUp(server, route);
            List<WrkOutput> outputs = new ArrayList<>();
            for (int run = 1; run <= settings.runs(); run++) {
                outputs.add(wrk(server, route, settings.duration()));
            }
            long peakRssKb = ProcFs.peakRssKb(server.pid());
            for (int run = 1; run <= outputs.size(); run++) {
                runs.add(new LoadRun(spec.id(), route, run, outputs.get(run - 1), peakRssKb, warmup));
            }
        }
        progress.loadDone();
        return runs;
    }

    /** Warm-up runs until two in a row agree within the tolerance, or the cap is reached. */
    private Warmup warmUp(ServerProcess server, String route) throws IOException, InterruptedException {
        if (settings.warmup().isZero()) {
            return new Warmup(0, false);
        }
        double previous = Double.NaN;
        for (int run = 1; run <= settings.warmupMaxRuns(); run++) {
            double rate = wrk(server, route, settings.warmup()).requestsPerSec();
            if (agree(previous, rate)) {
                return new Warmup(run, true);
            }
            previous = rate;
        }
        return new Warmup(settings.warmupMaxRuns(), false);
    }

    /** Whether two warm-up rates differ by at most the tolerance, relative to the larger one. */
    static boolean agree(double previous, double current) {
        return !Double.isNaN(previous)
                && Math.abs(current - previous) <= Options.Load.WARMUP_AGREEMENT * Math.max(previous, current);
    }

    private WrkOutput wrk(ServerProcess server, String route, Duration duration)
            throws IOException, InterruptedException {
        // wrk takes whole seconds
        long seconds = Math.max(1, Math.round(duration.toMillis() / 1000.0));
        List<String> command = List.of(
                "wrk",
                "-t" + settings.threads(),
                "-c" + settings.connections(),
                "-d" + seconds + "s",
                "--latency",
                server.uri(route).toString());
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        // wrk stops itself after the duration; its output ends when it exits
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        try {
            return WrkOutput.parse(output);
        } catch (IllegalArgumentException e) {
            throw new IOException(String.join(" ", command) + ": " + e.getMessage());
        }
    }
}
