package dev.weft.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run from start to finish: each system in turn (a fresh process for the matrix sizes, another
 * for the load test), then the statistics, the CSV files, the charts and the report.
 */
public final class Benchmark {

    /** Where the results went, and what they were. */
    public record Outcome(Path dir, RunResults results) {}

    private final Options options;
    private final Path benchDir;
    private final Path dir;
    private final PrintStream console;
    private final long startedNanos = System.nanoTime();
    private final Timings timings = new Timings();
    private final SizePlanner planner;
    private final ChecksumBook checksums;

    private Benchmark(Options options, Path benchDir, Path dir, PrintStream console) throws IOException {
        this.options = options;
        this.benchDir = benchDir;
        this.dir = dir;
        this.console = console;
        this.planner = new SizePlanner(options);
        this.checksums = ChecksumBook.withReferences(benchDir.resolve("peers/reference-checksums.txt"));
    }

    /**
     * @param benchDir the bench directory (systems.properties, peers/, results/)
     * @param command how the run was started, for the report
     * @throws ChecksumBook.MismatchException when two systems, or a system and the reference file, disagree
     */
    public static Outcome run(Options options, Path benchDir, String command, PrintStream console)
            throws IOException, InterruptedException, ChecksumBook.MismatchException {
        LocalDateTime started = LocalDateTime.now();
        Path dir = resultsDir(options, benchDir, started);
        Benchmark benchmark = new Benchmark(options, benchDir, dir, console);
        try {
            return new Outcome(dir, benchmark.run(command, started));
        } catch (ChecksumBook.MismatchException e) {
            Files.writeString(dir.resolve("CHECKSUM-MISMATCH.txt"), e.getMessage() + "\n");
            throw e;
        }
    }

    private RunResults run(String command, LocalDateTime started)
            throws IOException, InterruptedException, ChecksumBook.MismatchException {
        SystemCatalog catalog = SystemCatalog.load(benchDir.resolve("systems.properties"));
        List<SystemSpec> systems = options.systems().isEmpty() ? catalog.all() : catalog.select(options.systems());
        Machine machine = Machine.describe();
        CpuShare.Snapshot cpuAtStart = CpuShare.now();
        MatmulClient.warmUpParser();
        Progress progress = new Progress(systems, options, planner, timings, console);
        progress.say("results in " + dir);
        // Before any measurement: a system that is not built fails the run now, not after an hour.
        Map<String, String> versions = new HashMap<>();
        Map<String, Artifacts.Size> artifacts = new HashMap<>();
        for (SystemSpec spec : systems) {
            versions.put(spec.id(), Shell.firstLine(spec.dir(), spec.version()));
            artifacts.put(spec.id(), Artifacts.measure(spec));
            progress.say(spec, versions.get(spec.id()));
        }
        List<SystemResult> results = new ArrayList<>();
        boolean peakRssPerSize;
        try (RawCsv raw = new RawCsv(dir.resolve("raw.csv"))) {
            MatmulRunner matmul =
                    new MatmulRunner(options, planner, timings, checksums, raw, progress, this::runTimeLeft);
            LoadRunner load = new LoadRunner(options.load(), progress);
            for (SystemSpec spec : systems) {
                results.add(runSystem(spec, matmul, load, progress, versions.get(spec.id()), artifacts.get(spec.id())));
            }
            peakRssPerSize = matmul.peakRssPerSize();
        }
        RunResults run = new RunResults(
                options,
                command,
                started,
                elapsed(),
                machine,
                CpuShare.between(cpuAtStart, CpuShare.now()),
                results,
                checksums.checked(),
                checksums.comparedWithEarlierAnswer(),
                checksums.checkedAgainstReference(),
                peakRssPerSize);
        RunFile.write(run, dir);
        Analysis analysis = Report.write(run, dir);
        Findings.of(analysis).forEach(finding -> progress.say("  " + finding));
        progress.say(String.format(
                "done in %s; other work on the machine took %s%% of its CPU meanwhile: %s",
                Format.duration(run.elapsed().toMillis()),
                Format.fixed(run.otherCpu().others(), 0),
                dir.resolve("report.md")));
        return run;
    }

    private SystemResult runSystem(
            SystemSpec spec,
            MatmulRunner matmul,
            LoadRunner load,
            Progress progress,
            String version,
            Artifacts.Size artifacts)
            throws IOException, InterruptedException, ChecksumBook.MismatchException {
        progress.systemStarting(spec);
        Path log = dir.resolve("logs").resolve(spec.id() + ".log");
        List<ServerProcess.Startup> startups = new ArrayList<>();
        List<SizeOutcome> sizes;
        Optional<ServerProcess> server = start(spec, log, startups, progress);
        if (server.isPresent()) {
            try (ServerProcess running = server.get()) {
                sizes = matmul.run(spec, running);
            }
        } else {
            sizes = options.sizes().stream()
                    .<SizeOutcome>map(n -> new SizeOutcome.Skipped(
                            spec.id(),
                            n,
                            "the server did not start (see logs/" + spec.id() + ".log)",
                            SizeOutcome.Cause.FAILED))
                    .toList();
        }
        List<LoadRunner.LoadRun> loadRuns = List.of();
        Optional<String> loadFailure = Optional.empty();
        if (options.load().enabled()) {
            server = start(spec, log, startups, progress);
            if (server.isEmpty()) {
                loadFailure = Optional.of("the server did not start (see logs/" + spec.id() + ".log)");
            } else {
                try (ServerProcess running = server.get()) {
                    loadRuns = load.run(spec, running);
                } catch (IOException e) {
                    loadFailure = Optional.of(e.getMessage().lines().findFirst().orElse("wrk failed"));
                    progress.say(spec, "load test FAILED: " + e.getMessage());
                }
            }
        }
        return new SystemResult(spec, version, startups, sizes, loadRuns, loadFailure, artifacts);
    }

    /** A fresh server, or nothing (said on the console) when it does not come up. */
    private static Optional<ServerProcess> start(
            SystemSpec spec, Path log, List<ServerProcess.Startup> startups, Progress progress)
            throws InterruptedException {
        try {
            ServerProcess server = ServerProcess.start(spec, log);
            startups.add(server.startup());
            progress.started(spec, server.startup());
            return Optional.of(server);
        } catch (IOException e) {
            progress.say(spec, "FAILED to start: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private Optional<Duration> runTimeLeft() {
        return options.runBudget().map(budget -> budget.minus(elapsed()));
    }

    /** bench/results/<profile>-<yyyy-MM-dd-HHmm>, with -2, -3... when a run of the same minute exists. */
    private static Path resultsDir(Options options, Path benchDir, LocalDateTime started) throws IOException {
        if (options.outDir().isPresent()) {
            return Files.createDirectories(options.outDir().get());
        }
        String name = options.profile() + "-" + started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
        Path dir = benchDir.resolve("results").resolve(name);
        for (int i = 2; Files.exists(dir); i++) {
            dir = benchDir.resolve("results").resolve(name + "-" + i);
        }
        return Files.createDirectories(dir);
    }
}
