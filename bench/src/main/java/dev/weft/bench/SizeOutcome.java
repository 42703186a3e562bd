package dev.weft.bench;

import java.util.List;
import java.util.Optional;

/** What became of one system at one size: measured, or skipped with a reason. */
public sealed interface SizeOutcome permits SizeOutcome.Measured, SizeOutcome.Skipped {

    String system();

    int n();

    /**
     * @param cold the first request at this size
     * @param timed the timed repetitions, in order
     * @param warmups how many warm-up requests ran between them
     * @param peakRssKb the server's peak resident memory during this size (or since start, see
     *     {@link RunResults#peakRssPerSize()})
     * @param note why there are fewer repetitions than configured, if there are
     */
    record Measured(
            String system, int n, Sample cold, int warmups, List<Sample> timed, long peakRssKb, Optional<String> note)
            implements SizeOutcome {

        public double[] clientMs() {
            return timed.stream().mapToDouble(Sample::clientMs).toArray();
        }

        public double[] serverMs() {
            return timed.stream().mapToDouble(Sample::serverMs).toArray();
        }
    }

    /** Why a size was skipped. */
    enum Cause {
        /** Decided before the size: too slow for the cap, over a budget. */
        PLANNED,
        /** A request took longer than the cap. */
        TIMED_OUT,
        /** The server died or broke the contract: the run is incomplete. */
        FAILED
    }

    record Skipped(String system, int n, String reason, Cause cause) implements SizeOutcome {}
}
