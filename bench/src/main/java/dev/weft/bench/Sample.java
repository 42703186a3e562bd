package dev.weft.bench;

/**
 * One matrix-multiplication request, a row of raw.csv.
 *
 * @param repetition 1-based, counted within its phase
 * @param clientMs round trip measured by the harness (request sent to body read)
 * @param serverMs the server's own {@code computeMs}: the multiplication alone
 * @param rssKb the server's resident memory right after the answer
 */
public record Sample(
        String system,
        int n,
        long seed,
        Phase phase,
        int repetition,
        double clientMs,
        double serverMs,
        double checksum,
        long rssKb) {}
