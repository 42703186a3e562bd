package dev.weft.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** raw.csv: one row per matrix-multiplication request, written as it completes. */
public final class RawCsv implements Closeable {

    static final List<String> HEADER =
            List.of("system", "size", "seed", "phase", "repetition", "client_ms", "server_ms", "checksum", "rss_kb");

    private final Csv csv;

    public RawCsv(Path file) throws IOException {
        this.csv = new Csv(file, HEADER);
    }

    public void append(Sample s) throws IOException {
        // Double.toString round-trips exactly: the checksum in the file is the one the server sent.
        csv.row(List.of(
                s.system(),
                s.n(),
                s.seed(),
                s.phase().label(),
                s.repetition(),
                Format.fixed(s.clientMs(), 3),
                Double.toString(s.serverMs()),
                Double.toString(s.checksum()),
                s.rssKb()));
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
