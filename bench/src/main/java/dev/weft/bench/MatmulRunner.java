package dev.weft.bench;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The paper's protocol on one started server: for each size, ascending, a cold request, a few
 * warm-ups, then the timed repetitions, each checked and written to raw.csv as it completes;
 * then the server's peak memory for that size.
 *
 * <p>Seeds: the cold request uses seed 1, warm-up k seed 1 + k, timed repetition r seed
 * {@link #TIMED_SEED_OFFSET} + r. Timed seeds do not depend on how many warm-ups a system ran,
 * so every system's timed repetitions multiply the same matrices, and each checksum can be
 * compared across systems.
 */
public final class MatmulRunner {

    /** Timed repetition r uses this + r; warm-up seeds stay below it (see {@link Options#MAX_WARMUPS}). */
    public static final long TIMED_SEED_OFFSET = 1000;

    /** The server being measured, and how to reach it. */
    private record Target(SystemSpec spec, ServerProcess server, MatmulClient client) {}

    /** A request that did not give a valid answer. */
    private static final class RequestFailed extends Exception {
        final SizeOutcome.Cause cause;

        RequestFailed(String message, SizeOutcome.Cause cause) {
            super(message);
            this.cause = cause;
        }
    }

    private final Options options;
    private final SizePlanner planner;
    private final Timings timings;
    private final ChecksumBook checksums;
    private final RawCsv raw;
    private final Progress progress;
    private final Supplier<Optional<Duration>> runTimeLeft;
    private boolean peakRssPerSize = true;

    public MatmulRunner(
            Options options,
            SizePlanner planner,
            Timings timings,
            ChecksumBook checksums,
            RawCsv raw,
            Progress progress,
            Supplier<Optional<Duration>> runTimeLeft) {
        this.options = options;
        this.planner = planner;
        this.timings = timings;
        this.checksums = checksums;
        this.raw = raw;
        this.progress = progress;
        this.runTimeLeft = runTimeLeft;
    }

    /** False once the kernel refused to reset a peak: peaks are then since the server's start. */
    public boolean peakRssPerSize() {
        return peakRssPerSize;
    }

    public List<SizeOutcome> run(SystemSpec spec, ServerProcess server)
            throws IOException, InterruptedException, ChecksumBook.MismatchException {
        Target target = new Target(spec, server, new MatmulClient(server.http(), server.uri("/matmul")));
        List<SizeOutcome> outcomes = new ArrayList<>();
        SizeOutcome.Skipped stopped = null; // after a timeout or failure, larger sizes are not tried
        for (int n : options.sizes()) {
            SizeOutcome outcome;
            if (stopped != null) {
                outcome = new SizeOutcome.Skipped(
                        spec.id(), n, "not tried after n=" + stopped.n() + ": " + stopped.reason(), stopped.cause());
            } else {
                outcome = switch (planner.plan(timings.ownEstimate(spec.id(), n), runTimeLeft.get())) {
                    case SizePlanner.Skip skip ->
                        new SizeOutcome.Skipped(spec.id(), n, skip.reason(), SizeOutcome.Cause.PLANNED);
                    case SizePlanner.Run run -> measureOrSkip(target, n, run);
                };
                if (outcome instanceof SizeOutcome.Skipped skipped && skipped.cause() != SizeOutcome.Cause.PLANNED) {
                    stopped = skipped;
                }
            }
            outcomes.add(outcome);
            progress.sizeDone(spec, outcome);
        }
        return outcomes;
    }

    private SizeOutcome measureOrSkip(Target target, int n, SizePlanner.Run run)
            throws IOException, InterruptedException, ChecksumBook.MismatchException {
        progress.sizeStarting(target.spec(), n, run.reps(), run.note());
        try {
            return measure(target, n, run);
        } catch (RequestFailed e) {
            String reason =
                    target.server().isAlive() ? e.getMessage() : e.getMessage() + "; the server exited (see its log)";
            return new SizeOutcome.Skipped(target.spec().id(), n, reason, e.cause);
        }
    }

    private SizeOutcome measure(Target target, int n, SizePlanner.Run planned)
            throws IOException, InterruptedException, ChecksumBook.MismatchException, RequestFailed {
        if (target.server().isAlive()) { // a dead server fails at its first request below, not here
            peakRssPerSize &= ProcFs.resetPeakRss(target.server().pid());
        }
        Sample cold = request(target, n, 1, Phase.COLD, 1, planned.reps());
        // The cold request measures this size itself; the estimate scaled from the previous size
        // runs low once the matrices outgrow the caches, so the budgets are checked again.
        Optional<Timings.Estimate> measured = Optional.of(new Timings.Estimate(cold.clientMs(), "its cold request"));
        SizePlanner.Plan replanned = planner.plan(measured, runTimeLeft.get());
        if (replanned instanceof SizePlanner.Skip skip) {
            return new SizeOutcome.Skipped(
                    target.spec().id(), n, "after its cold request: " + skip.reason(), SizeOutcome.Cause.PLANNED);
        }
        SizePlanner.Run run = replanned instanceof SizePlanner.Run fit && fit.reps() < planned.reps() ? fit : planned;
        if (run != planned) {
            progress.say(target.spec(), "n=" + n + ": " + run.note().orElseThrow());
        }
        double spentMs = cold.clientMs();
        int warmups = 0;
        while (planner.wantsWarmup(warmups, spentMs)) {
            warmups++;
            spentMs += request(target, n, 1 + warmups, Phase.WARMUP, warmups, run.reps())
                    .clientMs();
        }
        List<Sample> timed = new ArrayList<>();
        for (int repetition = 1; repetition <= run.reps(); repetition++) {
            timed.add(request(target, n, TIMED_SEED_OFFSET + repetition, Phase.TIMED, repetition, run.reps()));
        }
        return new SizeOutcome.Measured(
                target.spec().id(),
                n,
                cold,
                warmups,
                timed,
                ProcFs.peakRssKb(target.server().pid()),
                run.note());
    }

    private Sample request(Target target, int n, long seed, Phase phase, int repetition, int reps)
            throws IOException, InterruptedException, ChecksumBook.MismatchException, RequestFailed {
        MatmulClient.Call call;
        try {
            call = target.client().multiply(n, seed, options.cap());
        } catch (HttpTimeoutException e) {
            throw new RequestFailed(
                    "a request took longer than the cap of "
                            + Format.duration(options.cap().toMillis()),
                    SizeOutcome.Cause.TIMED_OUT);
        } catch (IOException e) {
            throw new RequestFailed(
                    "request n=" + n + " seed=" + seed + " failed: " + e.getMessage(), SizeOutcome.Cause.FAILED);
        }
        Sample sample = new Sample(
                target.spec().id(),
                n,
                seed,
                phase,
                repetition,
                call.clientMs(),
                call.answer().computeMs(),
                call.answer().checksum(),
                ProcFs.rssKb(target.server().pid()));
        raw.append(sample);
        checksums.check(target.spec().id(), n, seed, sample.checksum());
        timings.record(target.spec().id(), n, phase, sample.clientMs());
        progress.request(target.spec(), n, phase, repetition, reps);
        return sample;
    }
}
