package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The smoke profile over all seven systems, as {@code bench/run.sh smoke} runs it: every server
 * starts, answers the contract with agreeing checksums, survives wrk, and every output file is
 * written. Run with {@code mvn verify -Dbench.smoke} after the example jar is built (the root
 * build builds it first); it installs wrk and the peers itself.
 */
class BenchSmokeIT {

    private static final Path BENCH =
            Path.of(System.getProperty("bench.dir", ".")).toAbsolutePath().normalize();

    @Test
    void smokeProfileRunsEverySystemWithAgreeingChecksums() throws Exception {
        // Its output is copied through System.out: written straight to the inherited stdout, it
        // would corrupt the channel between this forked JVM and Maven (the run then fails on exit).
        Process install = new ProcessBuilder(BENCH.resolve("install.sh").toString())
                .redirectErrorStream(true)
                .start();
        try (var output = install.getInputStream()) {
            output.transferTo(System.out);
        }
        assertEquals(0, install.waitFor(), "bench/install.sh failed");
        Path jar = BENCH.resolveSibling("example/target/weft-example.jar");
        assertTrue(
                Files.isRegularFile(jar), jar + " is missing: build the example first (mvn -pl example -am package)");
        // Where bench/systems.properties runs Weft from, as run.sh copies it
        Files.copy(jar, BENCH.resolve("target/weft-example.jar"), StandardCopyOption.REPLACE_EXISTING);

        Path out = BENCH.resolve("target/smoke-results");
        deleteRecursively(out); // no log or file of an earlier run
        Options options = Options.parse("smoke", "--out", out.toString());
        Benchmark.Outcome outcome = Benchmark.run(options, BENCH, "mvn verify -Dbench.smoke", System.out);

        RunResults results = outcome.results();
        assertFalse(results.incomplete(), "a server failed: see " + out.resolve("report.md"));
        assertEquals(
                List.of("weft-wasm", "weft-java", "spring", "gin", "express-node", "express-bun", "fastapi"),
                results.systems().stream().map(SystemResult::id).toList());
        int requestsPerSystem =
                1 + options.warmups() + options.reps(); // cold, warm-up, timed: n=100 is fast everywhere
        assertEquals(7 * requestsPerSystem, results.checksumsChecked());
        assertEquals(6 * requestsPerSystem, results.checksumsComparedAcrossSystems()); // all but the first system's
        // seeds 1 (cold) and 1001 (the first timed repetition) at n=100 are in the reference file
        assertEquals(7 * 2, results.checksumsAgainstReference());
        for (SystemResult system : results.systems()) {
            SizeOutcome.Measured n100 =
                    assertInstanceOf(SizeOutcome.Measured.class, system.sizes().getFirst(), system.id());
            assertEquals(
                    List.of(MatmulRunner.TIMED_SEED_OFFSET + 1, MatmulRunner.TIMED_SEED_OFFSET + 2),
                    n100.timed().stream().map(Sample::seed).toList(),
                    system.id() + ": timed seeds");
            assertEquals(2, system.startups().size(), system.id());
            assertEquals(2, system.load().size(), system.id() + ": one wrk run per route");
            system.load().forEach(run -> assertEquals(0, run.wrk().non2xx(), system.id() + " " + run.route()));
        }
        for (String file : List.of(
                "raw.csv",
                "summary.csv",
                "load.csv",
                "systems.csv",
                RunFile.NAME,
                "report.md",
                Charts.TIME_LINEAR,
                Charts.TIME_LOG,
                Charts.MEMORY,
                Charts.THROUGHPUT)) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertEquals(
                1 + 7 * requestsPerSystem,
                Files.readAllLines(out.resolve("raw.csv")).size());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
