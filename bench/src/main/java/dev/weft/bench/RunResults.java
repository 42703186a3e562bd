package dev.weft.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A finished run, as the result files and the report show it.
 *
 * @param command the command line, to run it again
 * @param checksumsChecked answers whose checksum was checked (all passed, or the run would have stopped)
 * @param checksumsComparedAcrossSystems those compared with an earlier system's answer for the same n and seed
 * @param checksumsAgainstReference how many of those were also compared with the reference file
 * @param otherCpu the share of the machine's CPU that other work took during the run
 * @param peakRssPerSize true when each size's peak memory is its own (the kernel let the
 *     harness reset the peak between sizes); false when peaks are since the server's start
 */
public record RunResults(
        Options options,
        String command,
        LocalDateTime started,
        Duration elapsed,
        Machine machine,
        CpuShare.Share otherCpu,
        List<SystemResult> systems,
        int checksumsChecked,
        int checksumsComparedAcrossSystems,
        int checksumsAgainstReference,
        boolean peakRssPerSize) {

    /** The system others are compared with: weft-wasm when it ran, else the first one. */
    public String baseline() {
        return systems.stream()
                .map(SystemResult::id)
                .filter("weft-wasm"::equals)
                .findFirst()
                .orElse(systems.getFirst().id());
    }

    /** Whether something failed (a server that died or broke the contract): the run is then incomplete. */
    public boolean incomplete() {
        return systems.stream()
                .anyMatch(s -> s.loadFailure().isPresent()
                        || s.sizes().stream()
                                .anyMatch(o ->
                                        o instanceof SizeOutcome.Skipped k && k.cause() == SizeOutcome.Cause.FAILED));
    }
}
