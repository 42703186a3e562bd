package dev.weft.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What to run: a profile (quick, paper, smoke) and any settings given on the command line over it.
 *
 * @param sizes matrix sizes n, ascending
 * @param reps timed repetitions per system and size
 * @param warmups at most this many warm-up requests after the cold one
 * @param warmupTime no more warm-ups once the cold and warm-up requests at a size took this long
 * @param cap the longest one request may take; sizes estimated above it are skipped
 * @param sizeBudget when set, fewer repetitions at a size whose estimated time would exceed it
 * @param runBudget when set, the sizes left once the run has taken this long are skipped
 * @param systems ids to run; empty for all
 */
public record Options(
        String profile,
        List<Integer> sizes,
        int reps,
        int warmups,
        Duration warmupTime,
        Duration cap,
        Optional<Duration> sizeBudget,
        Optional<Duration> runBudget,
        List<String> systems,
        Load load,
        Optional<Path> outDir) {

    /**
     * The wrk load test on the small routes.
     *
     * @param runs measured runs per route; the report shows the median one
     * @param warmup the length of one warm-up run (zero: none). Warm-up runs repeat until two in a
     *     row agree on requests/s within {@link #WARMUP_AGREEMENT}, so that JIT runtimes are
     *     measured warm
     * @param warmupMaxRuns at most this many warm-up runs per route, settled or not
     */
    public record Load(
            boolean enabled,
            List<String> routes,
            int threads,
            int connections,
            Duration duration,
            Duration warmup,
            int warmupMaxRuns,
            int runs) {

        /** Two warm-up runs in a row whose requests/s differ by at most this share: the server is warm. */
        public static final double WARMUP_AGREEMENT = 0.05;
    }

    public static final String USAGE = """
        usage: bench/run.sh [quick|paper|smoke] [options]

        profiles (default quick):
          quick   sizes 100,200; 5 repetitions; wrk 3 runs of 3 s per route after 2-s warm-up runs (at most 5)
          paper   sizes 100,200,500,1000,2000,5000; 30 repetitions; wrk 3 runs of 6 s per route after
                  3-s warm-up runs (at most 10)
          smoke   size 100; 2 repetitions; wrk 1 run of 1 s per route (checks that everything works)

        options (override the profile):
          --systems a,b,...      systems to run (default: all in bench/systems.properties)
          --sizes 100,500,...    matrix sizes n
          --reps N               timed repetitions per system and size
          --warmups N            warm-up requests after the cold one (at most)
          --warmup-time S        no more warm-ups once the cold and warm-up requests took S seconds (default 10)
          --cap S                longest single request; sizes estimated above it are skipped (default 120)
          --size-budget S        at most S seconds per system and size: fewer repetitions (at least 3), else a skip
          --budget MIN           skip what is left once the run has taken MIN minutes
          --load-duration S      seconds per wrk run
          --load-runs N          wrk runs per route (the median one is reported)
          --load-warmup S        seconds of one wrk warm-up run (0: no warm-up)
          --load-warmup-runs N   at most N warm-up runs per route; they stop once two in a row agree
                                 within 5% on requests/s (1: a single warm-up run)
          --connections N        wrk connections (default 50)
          --threads N            wrk threads (default 1)
          --no-load              no wrk load test
          --out DIR              results directory (default bench/results/<profile>-<yyyy-MM-dd-HHmm>)
        """;

    private static final int MIN_REPS = 2; // a standard deviation needs two

    /** Warm-up seeds (2 to 1 + warm-ups) stay below the timed ones (MatmulRunner.TIMED_SEED_OFFSET + 1 on). */
    public static final int MAX_WARMUPS = 998;

    /** The profile named first (quick when none), then each option over it. */
    public static Options parse(String... args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        Builder options = profile(!rest.isEmpty() && !rest.getFirst().startsWith("--") ? rest.removeFirst() : "quick");
        for (int i = 0; i < rest.size(); i++) {
            String flag = rest.get(i);
            if (flag.equals("--no-load")) {
                options.loadEnabled = false;
            } else if (i + 1 < rest.size()) {
                options.set(flag, rest.get(++i));
            } else {
                throw new IllegalArgumentException(
                        flag.startsWith("--") ? flag + " needs a value" : "unexpected argument '" + flag + "'");
            }
        }
        return options.build();
    }

    private static Builder profile(String name) {
        Builder b = new Builder(name);
        switch (name) {
            case "quick" -> {
                b.sizes = List.of(100, 200);
                b.reps = 5;
                b.warmups = 3;
                b.loadDuration = Duration.ofSeconds(3);
                b.loadWarmup = Duration.ofSeconds(2);
                b.loadWarmupRuns = 5;
            }
            case "paper" -> {
                b.sizes = List.of(100, 200, 500, 1000, 2000, 5000);
                b.reps = 30;
                b.warmups = 5;
                b.loadDuration = Duration.ofSeconds(6);
                b.loadWarmup = Duration.ofSeconds(3);
                b.loadWarmupRuns = 10;
            }
            case "smoke" -> {
                b.sizes = List.of(100);
                b.reps = 2;
                b.warmups = 1;
                b.loadDuration = Duration.ofSeconds(1);
                b.loadWarmup = Duration.ZERO;
                b.loadRuns = 1;
            }
            default -> throw new IllegalArgumentException("unknown profile '" + name + "' (quick, paper or smoke)");
        }
        return b;
    }

    /** The settings while the command line is read; defaults are those all profiles share. */
    private static final class Builder {
        final String profile;
        List<Integer> sizes;
        int reps;
        int warmups;
        Duration warmupTime = Duration.ofSeconds(10);
        Duration cap = Duration.ofSeconds(120);
        Duration sizeBudget;
        Duration runBudget;
        List<String> systems = List.of();
        boolean loadEnabled = true;
        int threads = 1;
        int connections = 50;
        Duration loadDuration;
        Duration loadWarmup;
        int loadRuns = 3;
        int loadWarmupRuns = 1;
        Path outDir;

        Builder(String profile) {
            this.profile = profile;
        }

        void set(String flag, String value) {
            switch (flag) {
                case "--systems" -> systems = list(value);
                case "--sizes" ->
                    sizes = list(value).stream()
                            .map(Builder::integer)
                            .sorted()
                            .distinct()
                            .toList();
                case "--reps" -> reps = integer(value);
                case "--warmups" -> warmups = integer(value);
                case "--warmup-time" -> warmupTime = seconds(value);
                case "--cap" -> cap = seconds(value);
                case "--size-budget" -> sizeBudget = seconds(value);
                case "--budget" -> runBudget = Duration.ofMillis(Math.round(decimal(value) * 60_000));
                case "--load-duration" -> loadDuration = seconds(value);
                case "--load-runs" -> loadRuns = integer(value);
                case "--load-warmup" -> loadWarmup = seconds(value);
                case "--load-warmup-runs" -> loadWarmupRuns = integer(value);
                case "--connections" -> connections = integer(value);
                case "--threads" -> threads = integer(value);
                case "--out" -> outDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }

        Options build() {
            if (sizes.isEmpty() || sizes.getFirst() < 1 || sizes.getLast() > 5000) {
                throw new IllegalArgumentException("sizes must be from 1 to 5000 (the contract's range)");
            }
            if (reps < MIN_REPS) {
                throw new IllegalArgumentException(
                        "--reps must be at least " + MIN_REPS + " (a standard deviation needs two)");
            }
            if (warmups < 0 || warmups > MAX_WARMUPS) {
                throw new IllegalArgumentException("--warmups must be from 0 to " + MAX_WARMUPS);
            }
            if (loadRuns < 1
                    || loadWarmupRuns < 1
                    || threads < 1
                    || connections < threads
                    || loadDuration.toMillis() < 1_000
                    || cap.isZero()) {
                throw new IllegalArgumentException(
                        "--load-runs, --load-warmup-runs, --threads and --cap must be positive; --load-duration at"
                                + " least 1 s; --connections at least --threads");
            }
            Load load = new Load(
                    loadEnabled,
                    List.of("/hello", "/json"),
                    threads,
                    connections,
                    loadDuration,
                    loadWarmup,
                    loadWarmupRuns,
                    loadRuns);
            return new Options(
                    profile,
                    sizes,
                    reps,
                    warmups,
                    warmupTime,
                    cap,
                    Optional.ofNullable(sizeBudget),
                    Optional.ofNullable(runBudget),
                    systems,
                    load,
                    Optional.ofNullable(outDir));
        }

        private static List<String> list(String value) {
            return Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }

        private static int integer(String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not an integer");
            }
        }

        private static double decimal(String value) {
            try {
                return Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a number");
            }
        }

        private static Duration seconds(String value) {
            return Duration.ofMillis(Math.round(decimal(value) * 1000));
        }
    }
}
