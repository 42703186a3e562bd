package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --report-only: a run written to its files and read back renders the same report. */
class SavedRunTest {

    @TempDir
    Path dir;

    @TempDir
    Path benchDir;

    /** The systems of ReportTest's made-up run, as a systems file would give them. */
    private void writeBenchDir(String referenceLines) throws Exception {
        Files.writeString(
                benchDir.resolve("systems.properties"),
                """
                systems=weft-wasm,gin
                weft-wasm.name=weft-wasm name
                weft-wasm.dir=/tmp
                weft-wasm.start=exec true
                weft-wasm.version=true
                weft-wasm.artifacts=weft-wasm
                gin.name=gin name
                gin.dir=/tmp
                gin.start=exec true
                gin.version=true
                gin.artifacts=gin
                """);
        Files.createDirectories(benchDir.resolve("peers"));
        Files.writeString(benchDir.resolve("peers/reference-checksums.txt"), referenceLines);
    }

    private Analysis writeRun() throws Exception {
        Analysis analysis = ReportTest.analysis();
        try (RawCsv raw = new RawCsv(dir.resolve("raw.csv"))) {
            for (SystemResult system : analysis.results().systems()) {
                for (SizeOutcome outcome : system.sizes()) {
                    if (outcome instanceof SizeOutcome.Measured m) {
                        raw.append(m.cold());
                        for (Sample s : m.timed()) {
                            raw.append(s);
                        }
                    }
                }
            }
        }
        RunFile.write(analysis.results(), dir);
        Report.write(analysis.results(), dir);
        return analysis;
    }

    @Test
    void theReportRenderedAgainFromTheFilesIsTheSame() throws Exception {
        writeBenchDir("# none\n");
        writeRun();
        String written = Files.readString(dir.resolve("report.md"));
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        List<String> load = Files.readAllLines(dir.resolve("load.csv"));

        Report.again(dir, benchDir, System.out);

        assertEquals(written, Files.readString(dir.resolve("report.md")));
        assertEquals(summary, Files.readAllLines(dir.resolve("summary.csv")));
        assertEquals(load, Files.readAllLines(dir.resolve("load.csv")));
    }

    @Test
    void checksumsAreCheckedAgainWithTheCurrentReferenceFile() throws Exception {
        writeBenchDir("100 1 2.0\n"); // the made-up run answered 1.0
        writeRun();
        assertThrows(ChecksumBook.MismatchException.class, () -> SavedRun.read(dir, benchDir));
    }
}
