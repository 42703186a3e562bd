package dev.weft.bench;

import java.util.Locale;

/** Number formats shared by the console, the CSV files and the report; always with a dot for decimals. */
public final class Format {

    private Format() {}

    /** A duration given in milliseconds, in the unit that reads best: "850 ms", "12.3 s", "4.5 min". */
    public static String duration(double millis) {
        if (Double.isNaN(millis)) {
            return "?";
        }
        if (millis < 1_000) {
            return significant(millis) + " ms";
        }
        if (millis < 120_000) {
            return significant(millis / 1_000) + " s";
        }
        return String.format(Locale.ROOT, "%.1f min", millis / 60_000);
    }

    /** A number with {@code decimals} digits after the point; empty for NaN (no value). */
    public static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Three significant digits, for values whose magnitude varies (ms from 0.5 to 500000); no exponent. */
    public static String significant(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == 0) {
            return "0";
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(value))));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * A p-value for the report, two significant digits. Below 1e-15 it is shown as that bound:
     * so far out in the tail the value rests on the test's assumption of normal samples, which
     * timings do not meet, and the exact exponent would mean nothing. summary.csv has the value.
     */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        return p < 1e-15 ? "< 1e-15" : String.format(Locale.ROOT, "%.2g", p);
    }

    /**
     * A p-value for the CSV files: full precision (scientific notation when small), empty when
     * not defined, and a bound when it is below the smallest double (it underflowed to 0).
     */
    public static String pValueExact(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        return p == 0 ? "<" + Double.MIN_VALUE : Double.toString(p);
    }

    /** KiB as MiB with one decimal. */
    public static String mib(long kib) {
        return kib < 0 ? "" : String.format(Locale.ROOT, "%.1f", kib / 1024.0);
    }

    /** A file size in decimal units, as file sizes are usually shown: "850 B", "3.2 kB", "8.5 MB". */
    public static String bytes(long bytes) {
        if (bytes < 1_000) {
            return bytes + " B";
        }
        return bytes < 1_000_000
                ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
