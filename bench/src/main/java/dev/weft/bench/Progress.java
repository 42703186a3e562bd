package dev.weft.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console while a run goes on: which system and size, how many requests of how many, and a
 * rough time left. Request lines come at most every few seconds so that a log stays readable.
 */
public final class Progress {

    private static final long REQUEST_LINE_INTERVAL_NANOS =
            Duration.ofSeconds(5).toNanos();
    private static final double DEFAULT_STARTUP_MS = 5_000; // until a start-up has been measured
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final List<SystemSpec> systems;
    private final Options options;
    private final SizePlanner planner;
    private final Timings timings;
    private final PrintStream out;
    private final long startedNanos = System.nanoTime();
    private final List<Double> startupsMs = new ArrayList<>();

    private int systemIndex = -1;
    private int sizesDone;
    private int requestsDone;
    private int loadRoutesStarted;
    private boolean loadDone;
    private long lastRequestLineNanos;

    public Progress(List<SystemSpec> systems, Options options, SizePlanner planner, Timings timings, PrintStream out) {
        this.systems = systems;
        this.options = options;
        this.planner = planner;
        this.timings = timings;
        this.out = out;
    }

    public void systemStarting(SystemSpec spec) {
        systemIndex = systems.indexOf(spec);
        sizesDone = 0;
        requestsDone = 0;
        loadRoutesStarted = 0;
        loadDone = false;
        say(spec, "starting: " + spec.start());
    }

    public void started(SystemSpec spec, ServerProcess.Startup startup) {
        startupsMs.add(startup.millis());
        say(
                spec,
                String.format(
                        "up in %s, idle RSS %s MiB",
                        Format.duration(startup.millis()), Format.mib(startup.idleRssKb())));
    }

    public void sizeStarting(SystemSpec spec, int n, int reps, Optional<String> note) {
        requestsDone = 0;
        say(
                spec,
                "n=" + n + ": cold request, warm-ups, " + reps + " timed"
                        + note.map(text -> " (" + text + ")").orElse("") + timeLeft());
        lastRequestLineNanos = System.nanoTime();
    }

    public void request(SystemSpec spec, int n, Phase phase, int repetition, int reps) {
        requestsDone++;
        long now = System.nanoTime();
        if (now - lastRequestLineNanos >= REQUEST_LINE_INTERVAL_NANOS) {
            lastRequestLineNanos = now;
            String where = phase == Phase.TIMED ? "timed " + repetition + "/" + reps : phase.label() + " " + repetition;
            say(spec, "n=" + n + ": " + where + timeLeft());
        }
    }

    public void sizeDone(SystemSpec spec, SizeOutcome outcome) {
        sizesDone++;
        requestsDone = 0;
        switch (outcome) {
            case SizeOutcome.Measured m -> {
                Statistics.Summary client = Statistics.summarize(m.clientMs());
                say(
                        spec,
                        String.format(
                                "n=%d: done, mean %s (sd %s) over %d, peak RSS %s MiB",
                                m.n(),
                                Format.duration(client.mean()),
                                Format.duration(client.sd()),
                                client.count(),
                                Format.mib(m.peakRssKb())));
            }
            case SizeOutcome.Skipped s -> say(spec, "n=" + s.n() + ": SKIPPED, " + s.reason());
        }
    }

    public void loadStarting(SystemSpec spec, String route) {
        loadRoutesStarted++;
        say(spec, "wrk on " + spec.route(route) + timeLeft());
    }

    public void loadDone() {
        loadDone = true;
    }

    public void say(SystemSpec spec, String message) {
        say(String.format("%s (%d/%d) %s", spec.id(), systems.indexOf(spec) + 1, systems.size(), message));
    }

    public void say(String message) {
        out.println("[" + LocalTime.now().format(CLOCK) + "] " + message);
    }

    /** " | run 34% | ~12 min left", or nothing while no time is known to estimate from. */
    private String timeLeft() {
        Optional<Double> leftMs = leftMs();
        if (leftMs.isEmpty()) {
            return "";
        }
        double elapsedMs = (System.nanoTime() - startedNanos) / 1e6;
        long percent = Math.round(100 * elapsedMs / (elapsedMs + leftMs.get()));
        return String.format(" | run %d%% | ~%s left", percent, Format.duration(leftMs.get()));
    }

    private Optional<Double> leftMs() {
        double left = 0;
        for (int i = Math.max(systemIndex, 0); i < systems.size(); i++) {
            SystemSpec spec = systems.get(i);
            boolean current = i == systemIndex;
            List<Integer> sizes = options.sizes();
            for (int s = current ? sizesDone : 0; s < sizes.size(); s++) {
                Optional<Double> size = sizeMs(spec, sizes.get(s), current && s == sizesDone ? requestsDone : 0);
                if (size.isEmpty()) {
                    return Optional.empty();
                }
                left += size.get();
            }
            boolean loadPending = options.load().enabled() && !(current && loadDone);
            if (loadPending) {
                int routesLeft = options.load().routes().size() - (current ? Math.max(0, loadRoutesStarted - 1) : 0);
                left += routesLeft * routeLoadMs();
            }
            // The load test runs on a second fresh process; the current system's first one is up.
            int startsLeft = (current ? 0 : 1) + (loadPending ? 1 : 0);
            left += startsLeft * startupMs();
        }
        return Optional.of(left);
    }

    private Optional<Double> sizeMs(SystemSpec spec, int n, int requestsAlreadyDone) {
        Optional<Timings.Estimate> estimate = timings.anyEstimate(spec.id(), n);
        if (estimate.isEmpty()) {
            return Optional.empty();
        }
        double perRequest = estimate.get().perRequestMs();
        return Optional.of(
                switch (planner.plan(estimate, Optional.empty())) {
                    case SizePlanner.Run run ->
                        Math.max(0, planner.requests(perRequest, run.reps()) - requestsAlreadyDone) * perRequest;
                    case SizePlanner.Skip skip -> 0.0;
                });
    }

    private double routeLoadMs() {
        Options.Load load = options.load();
        // warm-up runs: between 2 and the cap; 3 is a fair guess for a rough time left
        return load.warmup().toMillis() * Math.min(3, load.warmupMaxRuns()) + load.runs() * load.duration().toMillis();
    }

    private double startupMs() {
        return startupsMs.isEmpty()
                ? DEFAULT_STARTUP_MS
                : startupsMs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
