package dev.weft.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** The files computed from a run's data: summary.csv, load.csv, systems.csv, the charts and report.md. */
public final class Report {

    private Report() {}

    /** Writes them for a run just finished (or read back), and returns the statistics. */
    public static Analysis write(RunResults run, Path dir) throws IOException {
        Analysis analysis = new Analysis(run);
        ResultFiles.write(analysis, dir);
        ReportWriter.write(analysis, Charts.write(analysis, dir), dir.resolve("report.md"));
        return analysis;
    }

    /**
     * {@code --report-only DIR}: reads an earlier run back ({@link SavedRun}) and writes its
     * files again with this harness's statistics and text. Nothing is measured.
     */
    public static void again(Path dir, Path benchDir, PrintStream console)
            throws IOException, ChecksumBook.MismatchException {
        Analysis analysis = write(SavedRun.read(dir, benchDir), dir);
        Findings.of(analysis).forEach(finding -> console.println("  " + finding));
        console.println("rendered again from its data: " + dir.resolve("report.md"));
    }
}
