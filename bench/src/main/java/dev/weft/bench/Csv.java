package dev.weft.bench;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A CSV file: a header, then rows; a field with a comma, quote or line break is quoted as RFC 4180 says. */
public final class Csv implements Closeable {

    private final BufferedWriter out;

    public Csv(Path file, List<String> header) throws IOException {
        this.out = Files.newBufferedWriter(file);
        row(header);
    }

    /** Writes a row and flushes it, so that a run cut short keeps every row written so far. */
    public void row(List<?> fields) throws IOException {
        out.write(fields.stream().map(field -> quote(String.valueOf(field))).collect(Collectors.joining(",")));
        out.write("\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
