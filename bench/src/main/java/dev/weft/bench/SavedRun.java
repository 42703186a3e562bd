package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A finished run read back from its results directory, for {@code --report-only}: the requests
 * from raw.csv, the wrk runs from load.csv, start-ups, versions and artefact sizes from
 * systems.csv, the settings and machine from run.properties, and from summary.csv only what
 * raw.csv cannot give: each size's status, peak RSS (VmHWM) and note or skip reason. The
 * statistics are computed again from raw.csv, and every checksum is checked again against the
 * other systems and the current reference file.
 */
public final class SavedRun {

    private SavedRun() {}

    public static RunResults read(Path dir, Path benchDir) throws IOException, ChecksumBook.MismatchException {
        RunFile run = RunFile.read(dir);
        Options options = Options.parse(run.options().isBlank() ? new String[0] : run.options().trim().split("\\s+"));
        List<Map<String, String>> raw = CsvReader.read(dir.resolve("raw.csv"));
        List<Map<String, String>> summary = CsvReader.read(dir.resolve("summary.csv"));
        List<Map<String, String>> load = CsvReader.read(dir.resolve("load.csv"));
        List<Map<String, String>> systemsCsv = CsvReader.read(dir.resolve("systems.csv"));

        ChecksumBook checksums = ChecksumBook.withReferences(benchDir.resolve("peers/reference-checksums.txt"));
        List<Sample> samples = new ArrayList<>();
        for (Map<String, String> row : raw) { // in the order the requests were made
            Sample sample = sample(row);
            checksums.check(sample.system(), sample.n(), sample.seed(), sample.checksum());
            samples.add(sample);
        }

        Map<String, List<Map<String, String>>> startsBySystem = new LinkedHashMap<>();
        systemsCsv.forEach(row -> startsBySystem
                .computeIfAbsent(row.get("system"), id -> new ArrayList<>())
                .add(row));
        SystemCatalog catalog = SystemCatalog.load(benchDir.resolve("systems.properties"));
        Map<String, SystemSpec> specs = new LinkedHashMap<>();
        catalog.select(List.copyOf(startsBySystem.keySet())).forEach(spec -> specs.put(spec.id(), spec));

        List<SystemResult> systems = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, String>>> entry : startsBySystem.entrySet()) {
            String id = entry.getKey();
            List<Map<String, String>> starts = entry.getValue();
            Map<String, String> first = starts.getFirst();
            List<SizeOutcome> sizes = new ArrayList<>();
            for (int n : options.sizes()) {
                sizes.add(outcome(id, n, samples, summary));
            }
            Optional<String> loadFailure = Optional.ofNullable(run.loadFailures().get(id));
            systems.add(new SystemResult(
                    specs.get(id),
                    first.get("version"),
                    starts.stream()
                            .map(s -> new ServerProcess.Startup(
                                    Double.parseDouble(s.get("startup_ms")), Long.parseLong(s.get("idle_rss_kb"))))
                            .toList(),
                    sizes,
                    loadRuns(id, load, options.load()),
                    loadFailure,
                    new Artifacts.Size(
                            Long.parseLong(first.get("artifact_bytes")),
                            Long.parseLong(first.get("artifact_bytes_with_excluded")))));
        }
        return new RunResults(
                options,
                run.command(),
                run.started(),
                run.elapsed(),
                run.machine(),
                run.otherCpu(),
                systems,
                checksums.checked(),
                checksums.comparedWithEarlierAnswer(),
                checksums.checkedAgainstReference(),
                run.peakRssPerSize());
    }

    private static Sample sample(Map<String, String> row) {
        return new Sample(
                row.get("system"),
                Integer.parseInt(row.get("size")),
                Long.parseLong(row.get("seed")),
                Phase.valueOf(row.get("phase").toUpperCase(Locale.ROOT)),
                Integer.parseInt(row.get("repetition")),
                Double.parseDouble(row.get("client_ms")),
                Double.parseDouble(row.get("server_ms")),
                Double.parseDouble(row.get("checksum")),
                Long.parseLong(row.get("rss_kb")));
    }

    /**
     * One system at one size. summary.csv says whether it was measured; a skip's cause is
     * read as planned unless it failed (the report tells only failures apart).
     */
    private static SizeOutcome outcome(
            String id, int n, List<Sample> samples, List<Map<String, String>> summary) throws IOException {
        Map<String, String> row = summary.stream()
                .filter(r -> r.get("system").equals(id) && Integer.parseInt(r.get("size")) == n)
                .findFirst()
                .orElseThrow(() -> new IOException("summary.csv has no row for " + id + " at n=" + n));
        String note = row.get("note");
        switch (row.get("status")) {
            case "skipped" -> {
                return new SizeOutcome.Skipped(id, n, note, SizeOutcome.Cause.PLANNED);
            }
            case "failed" -> {
                return new SizeOutcome.Skipped(id, n, note, SizeOutcome.Cause.FAILED);
            }
            default -> {
                List<Sample> mine = samples.stream()
                        .filter(s -> s.system().equals(id) && s.n() == n)
                        .toList();
                Sample cold = mine.stream()
                        .filter(s -> s.phase() == Phase.COLD)
                        .findFirst()
                        .orElseThrow(() -> new IOException("raw.csv has no cold request of " + id + " at n=" + n));
                List<Sample> timed = mine.stream()
                        .filter(s -> s.phase() == Phase.TIMED)
                        .sorted(Comparator.comparingInt(Sample::repetition))
                        .toList();
                int warmups = (int) mine.stream().filter(s -> s.phase() == Phase.WARMUP).count();
                return new SizeOutcome.Measured(
                        id,
                        n,
                        cold,
                        warmups,
                        timed,
                        Long.parseLong(row.get("peak_rss_kb")),
                        note.isEmpty() ? Optional.empty() : Optional.of(note));
            }
        }
    }

    /**
     * The wrk runs of one system. A load.csv written before the warm-up was recorded has no
     * warm-up columns: its warm-up is then the one the options describe (a single run, not
     * checked for agreement, when they say at most one).
     */
    private static List<LoadRunner.LoadRun> loadRuns(String id, List<Map<String, String>> load, Options.Load settings) {
        LoadRunner.Warmup assumed = new LoadRunner.Warmup(settings.warmup().isZero() ? 0 : settings.warmupMaxRuns(), false);
        return load.stream()
                .filter(r -> r.get("system").equals(id))
                .map(r -> new LoadRunner.LoadRun(
                        id,
                        r.get("route"),
                        Integer.parseInt(r.get("run")),
                        new WrkOutput(
                                Double.parseDouble(r.get("requests_per_sec")),
                                Double.parseDouble(r.get("p50_ms")),
                                Double.parseDouble(r.get("p99_ms")),
                                Long.parseLong(r.get("requests")),
                                Long.parseLong(r.get("non_2xx")),
                                Long.parseLong(r.get("socket_errors"))),
                        Long.parseLong(r.get("peak_rss_kb")),
                        r.containsKey("warmup_runs")
                                ? new LoadRunner.Warmup(
                                        Integer.parseInt(r.get("warmup_runs")),
                                        Boolean.parseBoolean(r.get("warmup_settled")))
                                : assumed))
                .toList();
    }
}
