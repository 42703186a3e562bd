package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analysis, findings, CSV files, charts and report from a small made-up run: weft-wasm and gin
 * at n=100, gin alone at n=200 (weft-wasm skipped there), and a load test.
 */
class ReportTest {

    @TempDir
    Path dir;

    private static final Options OPTIONS = Options.parse("quick");
    private static final LoadRunner.Warmup WARMUP = new LoadRunner.Warmup(3, true);

    private static SystemResult system(String id, double[] ms100, double[] ms200, double helloRate) {
        SystemSpec spec = new SystemSpec(
                id, id + " name", Path.of("/tmp"), "exec true", "true", "", List.of(Path.of("/tmp/" + id)), List.of(),
                List.of());
        List<SizeOutcome> sizes = new ArrayList<>();
        sizes.add(measured(id, 100, ms100));
        sizes.add(
                ms200 == null
                        ? new SizeOutcome.Skipped(
                                id,
                                200,
                                "one request estimated at 9.0 min, above the cap of 2.0 min",
                                SizeOutcome.Cause.PLANNED)
                        : measured(id, 200, ms200));
        List<LoadRunner.LoadRun> load = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            double rate = helloRate * (0.8 + 0.1 * run); // the median is run 2, at helloRate
            load.add(new LoadRunner.LoadRun(id, "/hello", run, new WrkOutput(rate, 1.5, 9.5, 1000, 0, 0), 20_000, WARMUP));
            load.add(new LoadRunner.LoadRun(id, "/json", run, new WrkOutput(rate / 2, 2.5, 12.0, 500, 0, 0), 21_000, WARMUP));
        }
        return new SystemResult(
                spec,
                id + " 1.0",
                List.of(new ServerProcess.Startup(420, 50_000)),
                sizes,
                load,
                Optional.empty(),
                new Artifacts.Size(4_000_000, 4_000_000));
    }

    private static SizeOutcome.Measured measured(String id, int n, double[] ms) {
        Sample cold = new Sample(id, n, 1, Phase.COLD, 1, ms[0] * 10, ms[0] * 9, 1.0, 1000);
        List<Sample> timed = new ArrayList<>();
        for (int i = 0; i < ms.length; i++) {
            timed.add(new Sample(
                    id, n, MatmulRunner.TIMED_SEED_OFFSET + 1 + i, Phase.TIMED, i + 1, ms[i], ms[i] * 0.9, 1.0, 1000));
        }
        return new SizeOutcome.Measured(id, n, cold, 0, timed, 123_456, Optional.empty());
    }

    static Analysis analysis() {
        Machine machine = new Machine(
                "Test CPU", 2, 24 * 1024 * 1024, "6.1", "Debian 12", "JDK 25", "wrk 4.1.0 [epoll] Copyright");
        RunResults results = new RunResults(
                OPTIONS,
                "bench/run.sh quick",
                LocalDateTime.of(2026, 1, 2, 3, 4),
                Duration.ofMinutes(3),
                machine,
                new CpuShare.Share(12.0, 0.5),
                List.of(
                        system("weft-wasm", new double[] {10, 11, 12, 11, 10}, null, 40_000),
                        system("gin", new double[] {4, 5, 4, 5, 4}, new double[] {30, 31, 32, 30, 31}, 50_000)),
                18,
                6,
                0,
                true);
        return new Analysis(results);
    }

    @Test
    void comparesEverySystemWithWeftWasm() {
        Analysis analysis = analysis();
        Analysis.Size n100 = analysis.sizes().getFirst();
        assertEquals(2, n100.rows().size());
        Analysis.Row gin = n100.row("gin").orElseThrow();
        assertEquals(4.4 / 10.8, gin.ratio(), 1e-12);
        assertTrue(gin.welchP() < 0.001, "p " + gin.welchP());
        assertTrue(Double.isNaN(n100.row("weft-wasm").orElseThrow().welchP()));
        assertFalse(Double.isNaN(n100.anova().p()));
        Analysis.Size n200 = analysis.sizes().get(1);
        assertEquals(
                List.of("gin"), n200.rows().stream().map(Analysis.Row::system).toList());
        assertEquals("weft-wasm", n200.skipped().getFirst().system());
        assertEquals(2, analysis.load("gin", "/hello").orElseThrow().median().run());
    }

    @Test
    void findingsStateTheBaselinesRankPlainly() {
        List<String> findings = Findings.of(analysis());
        assertTrue(
                findings.get(0)
                        .matches("n=100: fastest gin at 4\\.40 ms; weft-wasm 10\\.8 ms, 2\\.45 times the fastest's time"
                                + " \\(Welch p [0-9.e-]+\\), rank 2 of 2 measured\\."),
                findings.get(0));
        assertEquals("n=200: fastest gin at 30.8 ms; weft-wasm was not measured at this size.", findings.get(1));
        assertEquals(
                "/hello under load: highest throughput gin at 50000 requests/s; weft-wasm 40000 requests/s, rank 2 of"
                        + " 2.",
                findings.get(2));
    }

    @Test
    void reportHasTheTablesChartsAndSkips() throws Exception {
        Analysis analysis = analysis();
        List<String> charts = Charts.write(analysis, dir);
        assertEquals(List.of(Charts.TIME_LINEAR, Charts.TIME_LOG, Charts.MEMORY, Charts.THROUGHPUT), charts);
        for (String chart : charts) {
            assertTrue(Files.size(dir.resolve(chart)) > 1_000, chart);
        }
        ReportWriter.write(analysis, charts, dir.resolve("report.md"));
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("| n | weft-wasm | gin |"), report);
        assertTrue(report.contains("| 100 | 10.8 ± 0.837 | 4.40 ± 0.548 |"), report);
        assertTrue(report.contains("| 200 | skipped | 30.8 ± 0.837 |"), report);
        assertTrue(
                report.contains("- weft-wasm at n=200: one request estimated at 9.0 min, above the cap of 2.0 min"),
                report);
        assertTrue(report.contains("![time-log.png](time-log.png)"), report);
        assertTrue(report.contains("| gin | /hello | 50000 | 45000 to 55000 | 1.50 | 9.50 | 0 | 19.5 |"), report);
        assertTrue(report.contains("Still warming up: for weft-wasm /hello (36000, 40000, 44000)"), report);
        assertTrue(report.contains("access log off"), report);
        assertTrue(report.contains("18 answers for 12 pairs of n and seed: the 6 answers"), report);
        assertTrue(report.contains("so the timed repetitions of every system multiply the same matrices"), report);
        assertTrue(
                report.contains("weft-wasm's rank by mean client time (1 is the fastest): n=100 2 of 2. It is the"
                        + " fastest at no size; at the largest size it was measured at, n=100, the fastest is gin."),
                report);
        assertTrue(report.contains("n=100 100 against 10.8 (9.26 times)"), report);
        assertTrue(report.contains("12% of all its CPU time went to processes other than the harness"), report);
    }

    @Test
    void summaryCsvHasARowPerSystemAndSizeIncludingSkips() throws Exception {
        ResultFiles.write(analysis(), dir);
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals(String.join(",", ResultFiles.SUMMARY_HEADER), summary.get(0));
        assertEquals(5, summary.size()); // the header, two systems at n=100, gin and the skipped weft-wasm at n=200
        assertTrue(summary.get(1).startsWith("100,weft-wasm,measured,5,0,10.8,"), summary.get(1));
        assertTrue(summary.get(4).startsWith("200,weft-wasm,skipped,"), summary.get(4));
        assertTrue(
                summary.get(4).endsWith(",\"one request estimated at 9.0 min, above the cap of 2.0 min\""),
                summary.get(4));
        assertEquals(1 + 2 * 6, Files.readAllLines(dir.resolve("load.csv")).size());
        assertEquals(1 + 2, Files.readAllLines(dir.resolve("systems.csv")).size());
    }
}
