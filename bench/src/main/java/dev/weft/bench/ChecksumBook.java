package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks every checksum as it arrives: against bench/peers/reference-checksums.txt where the
 * file has that (n, seed), and against the first system that answered the same (n, seed).
 * The contract says every implementation agrees bit for bit on x86-64, so a disagreement means
 * a bug somewhere and the run must stop rather than report times for different work.
 */
public final class ChecksumBook {

    /** Above this relative difference from the reference file, a checksum is wrong (the contract's bound). */
    public static final double REFERENCE_TOLERANCE = 1e-12;

    /** A checksum that disagrees. */
    public static final class MismatchException extends Exception {
        MismatchException(String message) {
            super(message);
        }
    }

    private record Key(int n, long seed) {}

    private record FirstAnswer(String system, double checksum) {}

    private final Map<Key, Double> references;
    private final Map<Key, FirstAnswer> firstAnswers = new HashMap<>();
    private int checked;
    private int comparedWithEarlierAnswer;
    private int checkedAgainstReference;

    private ChecksumBook(Map<Key, Double> references) {
        this.references = references;
    }

    /** Reads the reference file: lines "n seed checksum", '#' comments. */
    public static ChecksumBook withReferences(Path file) throws IOException {
        Map<Key, Double> references = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            references.put(
                    new Key(Integer.parseInt(fields[0]), Long.parseLong(fields[1])), Double.parseDouble(fields[2]));
        }
        return new ChecksumBook(references);
    }

    public void check(String system, int n, long seed, double checksum) throws MismatchException {
        Key key = new Key(n, seed);
        Double reference = references.get(key);
        if (reference != null) {
            double relative = Math.abs(checksum - reference) / Math.max(Math.abs(reference), Double.MIN_NORMAL);
            if (!(relative <= REFERENCE_TOLERANCE)) {
                throw new MismatchException(String.format(
                        "%s returned checksum %s for n=%d seed=%d; the reference file says %s (relative difference"
                                + " %.3g > %.0g)",
                        system, checksum, n, seed, reference, relative, REFERENCE_TOLERANCE));
            }
            checkedAgainstReference++;
        }
        FirstAnswer first = firstAnswers.putIfAbsent(key, new FirstAnswer(system, checksum));
        if (first != null) {
            if (Double.compare(first.checksum(), checksum) != 0) {
                throw new MismatchException(String.format(
                        "%s returned checksum %s for n=%d seed=%d; %s returned %s for the same matrices",
                        system, checksum, n, seed, first.system(), first.checksum()));
            }
            comparedWithEarlierAnswer++;
        }
        checked++;
    }

    /** How many checksums passed (every answer, the first for its n and seed included). */
    public int checked() {
        return checked;
    }

    /**
     * How many answers were compared with an earlier system's answer for the same n and seed:
     * all but the first answer of each pair.
     */
    public int comparedWithEarlierAnswer() {
        return comparedWithEarlierAnswer;
    }

    /** How many of those were also compared with the reference file. */
    public int checkedAgainstReference() {
        return checkedAgainstReference;
    }
}
