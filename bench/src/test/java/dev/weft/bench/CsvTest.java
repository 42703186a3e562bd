package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    @TempDir
    Path dir;

    @Test
    void quotesOnlyWhatNeedsIt() {
        assertEquals("plain", Csv.quote("plain"));
        assertEquals("\"a,b\"", Csv.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.quote("two\nlines"));
    }

    @Test
    void writesAHeaderThenRows() throws Exception {
        Path file = dir.resolve("t.csv");
        try (Csv csv = new Csv(file, List.of("a", "b"))) {
            csv.row(List.of(1, "x, y"));
        }
        assertEquals("a,b\n1,\"x, y\"\n", Files.readString(file));
    }

    @Test
    void rawCsvKeepsTheChecksumExactAndThePhase() throws Exception {
        Path file = dir.resolve("raw.csv");
        try (RawCsv raw = new RawCsv(file)) {
            raw.append(new Sample("weft-wasm", 200, 7, Phase.TIMED, 3, 12.34567, 10.5, 1990844.2641906105, 150_000));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(String.join(",", RawCsv.HEADER), lines.get(0));
        assertEquals("weft-wasm,200,7,timed,3,12.346,10.5,1990844.2641906105,150000", lines.get(1));
        assertEquals(1990844.2641906105, Double.parseDouble(lines.get(1).split(",")[7]));
    }
}
