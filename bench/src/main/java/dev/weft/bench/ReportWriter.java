package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * report.md: the tables, the charts, the machine and versions, how the setup differs from the
 * paper's, and every skip with its reason. The findings are sentences generated from the numbers
 * (fastest system, the baseline's rank and ratio), so that they say what the data says and no more.
 */
public final class ReportWriter {

    private final Analysis analysis;
    private final RunResults results;
    private final String baseline;
    private final List<String> charts;
    private final StringBuilder out = new StringBuilder();

    private ReportWriter(Analysis analysis, List<String> charts) {
        this.analysis = analysis;
        this.results = analysis.results();
        this.baseline = results.baseline();
        this.charts = charts;
    }

    public static void write(Analysis analysis, List<String> charts, Path file) throws IOException {
        Files.writeString(file, render(analysis, charts));
    }

    static String render(Analysis analysis, List<String> charts) {
        ReportWriter writer = new ReportWriter(analysis, charts);
        writer.header();
        writer.findings();
        writer.paperFindings();
        writer.matmulTables();
        writer.sizeDetails();
        writer.chartSection();
        writer.loadSection();
        writer.systemsSection();
        writer.skippedSection();
        writer.setupSection();
        writer.filesSection();
        return writer.out.toString();
    }

    private void header() {
        Options o = results.options();
        line("# Weft benchmark: " + o.profile() + " run, "
                + results.started().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        line();
        line("Command: `" + results.command() + "`. Took "
                + Format.duration(results.elapsed().toMillis()) + ".");
        line();
        line("Sizes " + o.sizes().stream().map(String::valueOf).collect(Collectors.joining(", ")) + "; " + o.reps()
                + " timed repetitions per system and size after one cold request and up to " + o.warmups() + " warm-ups"
                + " (fewer once the cold and warm-up requests at a size took "
                + Format.duration(o.warmupTime().toMillis()) + ")"
                + "; cap per request " + Format.duration(o.cap().toMillis())
                + o.sizeBudget()
                        .map(b -> "; size budget " + Format.duration(b.toMillis()))
                        .orElse("")
                + o.runBudget()
                        .map(b -> "; run budget " + Format.duration(b.toMillis()))
                        .orElse("") + ".");
        line();
        int pairs = results.checksumsChecked() - results.checksumsComparedAcrossSystems();
        line("**Checksums:** every answer was checked, " + results.checksumsChecked() + " answers for " + pairs
                + " pairs of n and seed: the " + results.checksumsComparedAcrossSystems()
                + " answers that another system had already given for the same pair were identical to it bit for"
                + " bit (the first answer of each pair has nothing to be compared with); "
                + results.checksumsAgainstReference()
                + " answers also matched bench/peers/reference-checksums.txt (relative difference at most "
                + ChecksumBook.REFERENCE_TOLERANCE + "). A disagreement would have stopped the run.");
        line();
        if (results.incomplete()) {
            line("**This run is incomplete:** a server failed (see \"Skipped and failed\" below).");
            line();
        }
    }

    private void findings() {
        line("## Findings");
        line();
        line("Plain statements from the numbers below; \"time\" is the mean client time of the timed repetitions.");
        line();
        Findings.of(analysis).forEach(finding -> line("- " + finding));
        line();
    }

    /** The paper's two claims about wasm, each set against what this run measured. */
    private void paperFindings() {
        String wasm = "weft-wasm";
        List<Analysis.Size> measured = analysis.sizes().stream()
                .filter(s -> s.row(wasm).isPresent())
                .toList();
        if (measured.isEmpty()) {
            return;
        }
        line("## The paper's findings against this run");
        line();
        line("The paper found WebAssembly the fastest on large matrices, and module initialisation dominant on"
                + " small ones. Here:");
        line();
        List<String> ranks = new ArrayList<>();
        List<String> fastestAt = new ArrayList<>();
        for (Analysis.Size size : measured) {
            double mean = size.row(wasm).orElseThrow().client().mean();
            long rank = size.rows().stream().filter(r -> r.client().mean() < mean).count() + 1;
            ranks.add("n=" + size.n() + " " + rank + " of " + size.rows().size());
            if (rank == 1) {
                fastestAt.add("n=" + size.n());
            }
        }
        Analysis.Size largest = measured.getLast();
        line("- Speed: " + wasm + "'s rank by mean client time (1 is the fastest): " + String.join(", ", ranks)
                + ". It is the fastest "
                + (fastestAt.isEmpty() ? "at no size" : "at " + String.join(", ", fastestAt))
                + "; at the largest size it was measured at, n=" + largest.n() + ", the fastest is "
                + largest.fastest().orElseThrow().system() + ".");
        List<String> cold = new ArrayList<>();
        for (Analysis.Size size : measured) {
            cold.add(coldAgainstWarm(size.row(wasm).orElseThrow(), size.n()));
        }
        String comparison = analysis.sizes().getFirst()
                .row("weft-java")
                .map(r -> " In the same JVM, weft-java (plain Java, no module) at n=" + analysis.sizes().getFirst().n()
                        + ": " + coldAgainstWarm(r, analysis.sizes().getFirst().n()).replaceFirst("^n=\\d+ ", "")
                        + ".")
                .orElse("");
        line("- First request against warm: " + wasm + "'s cold request at each size against its warm mean"
                + " (client ms): " + String.join(", ", cold) + "." + comparison
                + " The first request of the process also carries the JIT's compilation of the code it runs,"
                + " so this run does not separate module initialisation from the JVM's warm-up; each later"
                + " size's first request runs on a process that has already served the smaller ones.");
        line();
    }

    private static String coldAgainstWarm(Analysis.Row row, int n) {
        double coldMs = row.measured().cold().clientMs();
        double warmMs = row.client().mean();
        return "n=" + n + " " + ms(coldMs) + " against " + ms(warmMs) + " (" + Format.fixed(coldMs / warmMs, 2)
                + " times)";
    }

    private void matmulTables() {
        List<String> systems = systemIds();
        line("## Matrix multiplication: mean client time per request (ms)");
        line();
        line("Mean ± standard deviation of the timed repetitions, measured by the client (request sent to body read, "
                + "over loopback). The server's own computeMs is in the details below and in summary.csv.");
        line();
        List<List<String>> rows = new ArrayList<>();
        for (Analysis.Size size : analysis.sizes()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(size.n())));
            systems.forEach(id -> row.add(cell(
                    size, id, r -> ms(r.client().mean()) + " ± " + ms(r.client().sd()))));
            rows.add(row);
        }
        table(header("n", systems), rows);
        line();
        line("## Time relative to " + baseline);
        line();
        line("Each system's mean client time divided by " + baseline + "'s at the same size: below 1 is faster than "
                + baseline + ", above 1 slower. In brackets, the p-value of Welch's t-test of the two samples.");
        line();
        rows = new ArrayList<>();
        for (Analysis.Size size : analysis.sizes()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(size.n())));
            systems.forEach(id -> row.add(cell(
                    size,
                    id,
                    r -> Double.isNaN(r.ratio())
                            ? "n/a"
                            : Format.fixed(r.ratio(), 2)
                                    + (Double.isNaN(r.welchP()) ? "" : " (p " + Format.pValue(r.welchP()) + ")"))));
            rows.add(row);
        }
        table(header("n", systems), rows);
        line();
    }

    private void sizeDetails() {
        line("## Details per size");
        line();
        line("95% CI: confidence interval of the mean (Student's t). Cold: the first request at that size (client /"
                + " server ms). Peak RSS: "
                + (results.peakRssPerSize()
                        ? "the server's VmHWM during that size (reset to the current RSS before each size)."
                        : "the server's VmHWM since it started (the kernel refused to reset it between sizes).")
                + " ANOVA: one-way, across the systems measured at that size.");
        line();
        for (Analysis.Size size : analysis.sizes()) {
            line("### n = " + size.n());
            line();
            if (size.rows().isEmpty()) {
                line("No system was measured at this size.");
                line();
                continue;
            }
            Statistics.Anova anova = size.anova();
            line(
                    Double.isNaN(anova.f())
                            ? "ANOVA: not defined (fewer than two systems with two repetitions)."
                            : "ANOVA across " + anova.groups() + " systems: F = " + Format.significant(anova.f())
                                    + ", p " + pText(anova.p()) + ".");
            line();
            List<List<String>> rows = new ArrayList<>();
            for (Analysis.Row r : size.rows()) {
                SizeOutcome.Measured m = r.measured();
                rows.add(List.of(
                        r.system(),
                        Integer.toString(r.client().count()),
                        Integer.toString(m.warmups()),
                        ms(r.client().mean()),
                        ms(r.client().sd()),
                        ms(r.client().ciLow()) + " to " + ms(r.client().ciHigh()),
                        ms(r.server().mean()),
                        ms(r.server().sd()),
                        ms(m.cold().clientMs()) + " / " + ms(m.cold().serverMs()),
                        Format.mib(m.peakRssKb()),
                        Format.fixed(r.ratio(), 2),
                        r.system().equals(baseline) ? "" : Format.pValue(r.welchP())));
            }
            table(
                    List.of(
                            "system",
                            "reps",
                            "warm-ups",
                            "client mean ms",
                            "sd",
                            "95% CI",
                            "server mean ms",
                            "server sd",
                            "cold ms",
                            "peak RSS MiB",
                            "ratio to " + baseline,
                            "Welch p"),
                    rows);
            line();
            size.rows().stream()
                    .filter(r -> r.measured().note().isPresent())
                    .forEach(r ->
                            line("- " + r.system() + ": " + r.measured().note().get()));
            size.skipped()
                    .forEach(s -> line("- " + s.system() + ": "
                            + (s.cause() == SizeOutcome.Cause.FAILED ? "FAILED, " : "skipped, ") + s.reason()));
            line();
        }
    }

    private void chartSection() {
        if (charts.isEmpty()) {
            return;
        }
        line("## Charts");
        line();
        charts.forEach(chart -> {
            line("![" + chart + "](" + chart + ")");
            line();
        });
    }

    private void loadSection() {
        Options.Load load = results.options().load();
        if (!load.enabled()) {
            return;
        }
        line("## Under load: " + String.join(" and ", load.routes()));
        line();
        line(results.machine().wrk().replaceFirst(" Copyright.*", "") + ", " + load.threads() + " thread(s), "
                + load.connections()
                + " connections, " + load.runs() + " run(s) of "
                + Format.duration(load.duration().toMillis()) + " per route"
                + warmupText(load)
                + ", on a fresh server process; the table shows the run with the median requests/s and its"
                + " latency percentiles, and the range of all runs' requests/s. Errors: non-2xx answers and socket"
                + " errors over all runs. Peak RSS: the server's VmHWM during that route's runs.");
        line();
        List<List<String>> rows = new ArrayList<>();
        for (SystemResult system : results.systems()) {
            if (system.loadFailure().isPresent()) {
                rows.add(List.of(system.id(), "FAILED: " + system.loadFailure().get(), "", "", "", "", "", ""));
                continue;
            }
            for (String route : load.routes()) {
                analysis.load(system.id(), route)
                        .ifPresent(l -> rows.add(List.of(
                                system.id(),
                                route,
                                rate(l),
                                range(system.id(), route),
                                Format.fixed(l.median().wrk().p50Ms(), 2),
                                Format.fixed(l.median().wrk().p99Ms(), 2),
                                Long.toString(l.errors()),
                                Format.mib(l.median().peakRssKb()))));
            }
        }
        table(
                List.of("system", "route", "requests/s", "range of runs", "p50 ms", "p99 ms", "errors", "peak RSS MiB"),
                rows);
        line();
        List<String> warming = new ArrayList<>();
        List<String> unsettled = new ArrayList<>();
        for (SystemResult system : results.systems()) {
            for (String route : load.routes()) {
                List<Double> rates = rates(system.id(), route);
                if (stillWarming(rates)) {
                    warming.add(system.id() + " " + route + " ("
                            + rates.stream().map(r -> Format.fixed(r, 0)).collect(Collectors.joining(", ")) + ")");
                }
                system.load().stream()
                        .filter(r -> r.route().equals(route) && load.warmupMaxRuns() > 1 && r.warmup().runs() > 0)
                        .findFirst()
                        .filter(r -> !r.warmup().settled())
                        .ifPresent(r -> unsettled.add(system.id() + " " + route));
            }
        }
        if (!warming.isEmpty()) {
            line("Still warming up: for " + String.join("; ", warming) + " requests/s, each measured run was faster"
                    + " than the one before, by more than " + Format.fixed(100 * Options.Load.WARMUP_AGREEMENT, 0)
                    + "% in all: the warm-up was too short for them, and their median understates what they reach"
                    + " warm.");
            line();
        }
        if (!unsettled.isEmpty()) {
            line("Warm-up not settled after " + load.warmupMaxRuns() + " runs (two in a row never agreed within "
                    + Format.fixed(100 * Options.Load.WARMUP_AGREEMENT, 0) + "%): " + String.join(", ", unsettled)
                    + ".");
            line();
        }
    }

    private static String warmupText(Options.Load load) {
        if (load.warmup().isZero()) {
            return ", without warm-up";
        }
        if (load.warmupMaxRuns() == 1) {
            return " after one unrecorded warm-up run of " + Format.duration(load.warmup().toMillis());
        }
        return " after unrecorded warm-up runs of " + Format.duration(load.warmup().toMillis())
                + " until two in a row agreed within " + Format.fixed(100 * Options.Load.WARMUP_AGREEMENT, 0)
                + "% on requests/s (at most " + load.warmupMaxRuns() + "; load.csv has how many each route took)";
    }

    /** The requests/s of one system's measured runs on a route, in the order they ran. */
    private List<Double> rates(String system, String route) {
        return results.systems().stream()
                .filter(s -> s.id().equals(system))
                .flatMap(s -> s.load().stream())
                .filter(r -> r.route().equals(route))
                .sorted(java.util.Comparator.comparingInt(LoadRunner.LoadRun::run))
                .map(r -> r.wrk().requestsPerSec())
                .toList();
    }

    private String range(String system, String route) {
        List<Double> rates = rates(system, route);
        return Format.fixed(rates.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN), 0) + " to "
                + Format.fixed(rates.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), 0);
    }

    /** Each run faster than the one before, and the last faster than the first by more than the warm-up tolerance. */
    static boolean stillWarming(List<Double> rates) {
        if (rates.size() < 2) {
            return false;
        }
        for (int i = 1; i < rates.size(); i++) {
            if (rates.get(i) <= rates.get(i - 1)) {
                return false;
            }
        }
        return rates.getLast() > rates.getFirst() * (1 + Options.Load.WARMUP_AGREEMENT);
    }

    private void systemsSection() {
        line("## Start-up, idle memory, artefact size");
        line();
        line("Start-up: from process start to the first 200 on the system's /hello (polled every 10 ms), once per"
                + " fresh process. Idle RSS: right after that first answer. Artefact: the bytes of the regular files"
                + " named in the artefact column (a folder counts with everything under it), as"
                + " bench/systems.properties lists them, plus every file that the Debian packages named there"
                + " installed (dpkg -L). That is the application with its libraries, without the language runtime"
                + " installed on the machine (JVM, Node.js, Python); a jar here bundles its libraries, Go's binary"
                + " its runtime too. For the Express systems the size is given without and with the Bun runtime"
                + " that npm puts in node_modules.");
        line();
        List<List<String>> rows = new ArrayList<>();
        for (SystemResult system : results.systems()) {
            String startups =
                    system.startups().stream().map(s -> ms(s.millis())).collect(Collectors.joining(", "));
            String idle = system.startups().stream()
                    .map(s -> Format.mib(s.idleRssKb()))
                    .collect(Collectors.joining(", "));
            String artifacts = system.spec().artifacts().stream()
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(" + "));
            if (!system.spec().artifactPackages().isEmpty()) {
                artifacts += " + Debian packages " + String.join(", ", system.spec().artifactPackages());
            }
            Artifacts.Size size = system.artifacts();
            rows.add(List.of(
                    system.id(),
                    startups,
                    idle,
                    artifacts,
                    Format.bytes(size.bytes()),
                    size.bytesWithExcluded() == size.bytes() ? "" : Format.bytes(size.bytesWithExcluded())));
        }
        table(
                List.of("system", "start-up ms", "idle RSS MiB", "artefact", "size", "size with the excluded runtime"),
                rows);
        line();
    }

    private void skippedSection() {
        line("## Skipped and failed");
        line();
        List<SizeOutcome.Skipped> skipped =
                analysis.sizes().stream().flatMap(s -> s.skipped().stream()).toList();
        if (skipped.isEmpty()
                && results.systems().stream().noneMatch(s -> s.loadFailure().isPresent())) {
            line("Nothing: every system ran every size"
                    + (results.options().load().enabled() ? " and the load test." : "."));
        }
        skipped.forEach(s -> line("- " + s.system() + " at n=" + s.n() + ": "
                + (s.cause() == SizeOutcome.Cause.FAILED ? "FAILED, " : "") + s.reason()));
        results.systems().stream()
                .filter(s -> s.loadFailure().isPresent())
                .forEach(s -> line("- " + s.id() + ", load test: FAILED, "
                        + s.loadFailure().get()));
        line();
    }

    private void setupSection() {
        Machine m = results.machine();
        line("## Setup");
        line();
        line("- Machine: " + m.cpu() + ", " + m.cores() + " cores as the JVM sees them, "
                + Format.fixed(m.memoryKb() / 1024.0 / 1024.0, 1) + " GiB memory; " + m.os() + ", kernel " + m.kernel()
                + ".");
        line("- Other work on the machine during the run: "
                + percent(results.otherCpu().others()) + " of all its CPU time went to processes "
                + "other than the harness, its servers and wrk; "
                + percent(results.otherCpu().steal()) + " was stolen by the hypervisor. "
                + "Both compete with the systems measured.");
        line("- Harness: " + m.harnessJdk()
                + "; java.net.http client, one request at a time, timed with System.nanoTime.");
        for (SystemResult system : results.systems()) {
            line("- " + system.id() + " (" + system.spec().name() + "): " + system.version());
        }
        line();
        line("### Protocol");
        line();
        line("For each system in turn: a fresh server process on a free port; start-up time and idle RSS; then for"
                + " each size, ascending, one cold request, the warm-ups, and the timed repetitions, one at a"
                + " time. " + seedText() + " Every checksum is compared with the first system's for that n and"
                + " seed, and with the reference file where it has one. A size whose single request is estimated (from the system's previous size,"
                + " scaled by (n/previous)³) to exceed the cap is skipped; a request that does exceed it stops"
                + " that system's larger sizes. The server is then stopped with SIGTERM, and a second fresh"
                + " process serves the load test. All servers listen on 127.0.0.1.");
        line();
        line("### Where this setup differs from the paper's");
        line();
        line("- Hardware: " + m.cores()
                + " shared virtual cores. The client (the harness, and wrk under load) runs on the same cores over"
                + " loopback, so it competes with the server for CPU; under load this caps every system's throughput,"
                + " and it favours servers that use less CPU per request.");
        line("- Weft is the paper's framework rebuilt on the JVM: the Rust guest is compiled to WebAssembly and"
                + " then, at build time, to JVM bytecode by Chicory, which the JVM's JIT compiles further. The"
                + " paper ran wasm on Wasmtime (native code). weft-java serves the same contract in plain Java"
                + " from the same jar.");
        line("- What is measured: Weft is the whole example application (bench/systems.properties runs its jar):"
                + " about 24 routes and 9 wasm modules, and in every request's chain Prometheus metrics, a request"
                + " id, CORS, the handler timeout and JWT authentication (the benchmark sends no token);"
                + " /matmul, /hello and /json are three of its routes. Each peer serves only those three routes"
                + " and no such middleware.");
        line("- Processes and cores: Express on Node and on Bun, and FastAPI (one uvicorn worker), each run one"
                + " process whose JavaScript or Python code runs on one thread at a time; the JVM servers (Weft,"
                + " Spring) and Gin spread requests over both cores. Under wrk that lets the JVM and Go servers"
                + " use both cores where the others use one.");
        line("- JIT warm-up: the JVM (Weft, Spring), V8 (Node) and JavaScriptCore (Bun) compile hot code while"
                + " running. The cold request and the warm-ups are in raw.csv, flagged, and out of the statistics;"
                + " the timed numbers are warm.");
        line("- Weft runs with its access log off (-Dweft.access-log.enabled=false) because no peer logs requests,"
                + " and with its handler timeout raised (-Dweft.http.handler-timeout=PT2H) so that the largest"
                + " matrices are not cut off. Both JVMs run with default heap settings.");
        line("- Versions (listed above) are what this machine's package sources give: Go 1.19 with Gin 1.8.1, and"
                + " FastAPI 0.92 with uvicorn 0.17, are Debian 12's packages, older than current releases; Bun"
                + " comes from npm, Spring Boot from Maven Central. No Docker (the paper deployed with Docker"
                + " Compose): the processes run directly.");
        line("- Loop forms: every implementation runs the contract's i-k-j loop in the same arithmetic order,"
                + " so the checksum is the same, but the code differs. Weft's Java handler and Spring index flat"
                + " row-major double[] arrays (c[i*n+j] += aik * b[k*n+j]); HotSpot's JIT can remove the range"
                + " checks itself. Express (Node and Bun) indexes flat Float64Arrays the same way. Weft's Rust guest"
                + " keeps flat row-major vectors but walks them as row slices with iterators (chunks_exact, zip), so"
                + " rustc needs no bounds checks. Gin keeps flat slices and takes row sub-slices (ci[j] += aik *"
                + " bk[j]); Go drops the check on ci[j] and keeps the one on bk[j]. FastAPI uses Python lists of"
                + " rows (c_row[j] += a_ik * b_row[j]).");
        line("- FastAPI multiplies in pure Python, as the contract requires (no numpy).");
        line("- Statistics: the paper names t-tests and ANOVA; here the t-test is Welch's (no equal-variance"
                + " assumption). One-way ANOVA does assume equal variances, which these samples do not have; it is"
                + " reported as the paper did, and says only that the systems differ.");
        line("- Peak memory is the server process's VmHWM from /proc, read by the harness, rather than a system"
                + " monitor.");
        line();
    }

    /** How the seeds were chosen, as raw.csv shows it: the same timed matrices for every system, or not. */
    private String seedText() {
        List<String> differing = new ArrayList<>();
        for (Analysis.Size size : analysis.sizes()) {
            long firstSeeds = size.rows().stream()
                    .filter(r -> !r.measured().timed().isEmpty())
                    .map(r -> r.measured().timed().getFirst().seed())
                    .distinct()
                    .count();
            if (firstSeeds > 1) {
                differing.add("n=" + size.n());
            }
        }
        if (differing.isEmpty()) {
            return "The cold request uses seed 1, warm-up k seed 1 + k, timed repetition r seed "
                    + MatmulRunner.TIMED_SEED_OFFSET + " + r, so the timed repetitions of every system multiply the"
                    + " same matrices (as far as each system's repetitions go).";
        }
        return "Request k at a size (cold, warm-ups and timed counted together) used seed k. The systems ran"
                + " different numbers of warm-ups at " + String.join(", ", differing)
                + ", so there their timed repetitions multiplied different matrices of the same size from the same"
                + " generator, not the same matrices; raw.csv has every seed.";
    }

    private void filesSection() {
        line("## Files");
        line();
        line("- raw.csv: every request (system, size, seed, phase cold/warmup/timed, repetition, client_ms,"
                + " server_ms, checksum, rss_kb).");
        line("- summary.csv: the statistics per size and system, skipped sizes with their reasons.");
        line("- load.csv: every wrk run. systems.csv: start-ups, idle RSS, versions, artefact sizes.");
        line("- run.properties: the command, settings, machine and other facts that the CSV files do not hold;"
                + " with them, `bench/run.sh --report-only <dir>` renders summary.csv, the charts and this report"
                + " again from the data.");
        line("- logs/: each server's output: start-up and shutdown lines at most, no request logs. Git ignores"
                + " *.log, so results committed to the repository do not include them.");
    }

    private List<String> systemIds() {
        return results.systems().stream().map(SystemResult::id).toList();
    }

    /** A table cell for a system at a size: its value, or why there is none. */
    private static String cell(
            Analysis.Size size, String system, java.util.function.Function<Analysis.Row, String> value) {
        Optional<Analysis.Row> row = size.row(system);
        if (row.isPresent()) {
            return value.apply(row.get());
        }
        return size.skipped().stream().anyMatch(s -> s.system().equals(system)) ? "skipped" : "";
    }

    private static List<String> header(String first, List<String> rest) {
        List<String> header = new ArrayList<>(List.of(first));
        header.addAll(rest);
        return header;
    }

    private static String ms(double value) {
        return Format.significant(value);
    }

    private static String rate(Analysis.Load load) {
        return Format.fixed(load.median().wrk().requestsPerSec(), 0);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "unknown" : Format.fixed(value, 0) + "%";
    }

    private static String pText(double p) {
        String text = Format.pValue(p);
        return text.startsWith("<") ? text : "= " + text;
    }

    private void table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + " --- |".repeat(header.size()));
        rows.forEach(row ->
                line("| " + row.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ")) + " |"));
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
