package dev.weft.bench.spring;

/** Strict parsing of integer query parameters: ASCII digits only, within a range. */
final class Params {

    private Params() {}

    /**
     * Returns the value of {@code raw}, or {@code defaultValue} when the parameter is absent.
     *
     * @throws BadParameterException if it is absent without a default, not all digits, or out of
     *     range
     */
    static long parse(String name, String raw, long min, long max, Long defaultValue) {
        if (raw == null && defaultValue != null) {
            return defaultValue;
        }
        String message = name + " must be an integer from " + min + " to " + max;
        if (raw == null || raw.isEmpty() || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadParameterException(name, message);
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException tooLong) {
            // More digits than a long holds: out of range like any other large value.
        }
        throw new BadParameterException(name, message);
    }
}
