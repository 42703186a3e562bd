package dev.weft.bench;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The harness's command line (bench/run.sh runs it once everything is built):
 * {@code java -Dbench.dir=bench -jar weft-bench.jar [quick|paper|smoke] [options]}, or
 * {@code --report-only DIR} to render an earlier run's summary.csv, charts and report.md again
 * from its raw data. Exit status 0 when the run completed, 1 when it failed or is incomplete, 2 on
 * bad arguments.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(Options.USAGE);
            return;
        }
        Path benchDir =
                Path.of(System.getProperty("bench.dir", ".")).toAbsolutePath().normalize();
        if (args.length > 0 && args[0].equals("--report-only")) {
            if (args.length != 2) {
                System.err.println("bench: --report-only needs one results directory and nothing else");
                System.exit(2);
            }
            Report.again(Path.of(args[1]), benchDir, System.out);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        String command = "bench/run.sh " + String.join(" ", args);
        try {
            Benchmark.Outcome outcome = Benchmark.run(options, benchDir, command.trim(), System.out);
            if (outcome.results().incomplete()) {
                System.err.println("bench: the run is INCOMPLETE, a server failed; see "
                        + outcome.dir().resolve("report.md"));
                System.exit(1);
            }
        } catch (ChecksumBook.MismatchException e) {
            System.err.println();
            System.err.println("bench: CHECKSUM MISMATCH, the run is stopped: " + e.getMessage());
            System.err.println(
                    "bench: the systems did not compute the same product; no timing is comparable until this is"
                            + " fixed.");
            System.exit(1);
        }
    }
}
