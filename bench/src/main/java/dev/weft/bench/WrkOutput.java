package dev.weft.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What wrk 4 printed for one run with {@code --latency}: requests per second, the 50th and 99th
 * latency percentiles, and any errors (non-2xx answers, socket errors).
 */
public record WrkOutput(
        double requestsPerSec, double p50Ms, double p99Ms, long requests, long non2xx, long socketErrors) {

    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)", Pattern.MULTILINE);
    private static final Pattern REQUESTS = Pattern.compile("^\\s*(\\d+) requests in ", Pattern.MULTILINE);
    private static final Pattern NON_2XX =
            Pattern.compile("^\\s*Non-2xx or 3xx responses:\\s+(\\d+)", Pattern.MULTILINE);
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "^\\s*Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)", Pattern.MULTILINE);

    public static WrkOutput parse(String text) {
        Matcher socket = SOCKET_ERRORS.matcher(text);
        long socketErrors = 0;
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(socket.group(group));
            }
        }
        return new WrkOutput(
                Double.parseDouble(required(RATE, text)),
                percentileMs(text, 50),
                percentileMs(text, 99),
                Long.parseLong(required(REQUESTS, text)),
                find(NON_2XX, text).map(Long::parseLong).orElse(0L),
                socketErrors);
    }

    // A line of the latency distribution, "     99%   42.49ms"; wrk picks the unit: us, ms, s, m, h.
    private static double percentileMs(String text, int percentile) {
        Matcher m = Pattern.compile("^\\s*" + percentile + "%\\s+([0-9.]+)(us|ms|s|m|h)\\s*$", Pattern.MULTILINE)
                .matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException(
                    "no " + percentile + "% latency in wrk's output (was --latency given?):\n" + text);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1_000;
            case "ms" -> value;
            case "s" -> value * 1_000;
            case "m" -> value * 60_000;
            default -> value * 3_600_000;
        };
    }

    private static String required(Pattern pattern, String text) {
        return find(pattern, text).orElseThrow(() -> new IllegalArgumentException("unexpected wrk output:\n" + text));
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
