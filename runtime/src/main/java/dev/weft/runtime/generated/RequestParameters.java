package dev.weft.runtime.generated;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads a request's path, query and header parameters for generated route code, collecting every
 * violation instead of stopping at the first, so that one 400 answer lists them all.
 *
 * <pre>{@code
 * RequestParameters params = new RequestParameters(request);
 * int n = params.query("n").min(1).max(5000).required(ParamConverter.INT);
 * long seed = params.query("seed").orDefault("1", ParamConverter.LONG);
 * params.throwIfInvalid();
 * }</pre>
 */
public final class RequestParameters {

    private final Request request;
    private final List<Violation> violations = new ArrayList<>(0);

    public RequestParameters(Request request) {
        this.request = request;
    }

    public Value path(String name) {
        return new Value("path", name, request.pathParam(name), 1);
    }

    /** A query parameter bound to one value: given twice, it is a violation rather than its first value. */
    public Value query(String name) {
        String text = request.query(name);
        return new Value("query", name, text, text == null ? 0 : request.queryValues(name).size());
    }

    /** A header bound to one value: sent twice, it is a violation rather than its first value. */
    public Value header(String name) {
        String text = request.header(name);
        return new Value("header", name, text, text == null ? 0 : request.headerValues(name).size());
    }

    /**
     * Reads a JSON body after the named parameters. When they already have violations and the body
     * is malformed too (a 400), the body's problem joins them, as a violation of the body itself, so
     * that one answer lists both; the body is then null. Otherwise its error is thrown as it is.
     */
    public <T> T body(Supplier<T> read) {
        try {
            return read.get();
        } catch (HttpException e) {
            if (e.status() != 400 || violations.isEmpty()) {
                throw e;
            }
            if (e.extensions().get("violations") instanceof List<?> found) {
                found.forEach(violation -> violations.add((Violation) violation));
            } else {
                violations.add(new Violation("body", "", e.detail()));
            }
            return null;
        }
    }

    /** Checks one field of the request's JSON body; {@code path} names it, such as {@code items[2].name}. */
    public Field field(String path, Object value) {
        return new Field(path, value);
    }

    /** Records a violation found by other checks. */
    public void reject(Violation violation) {
        violations.add(violation);
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Throws a 400 listing every violation, if there is any. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw HttpException.invalid(violations);
        }
    }

    /** One named parameter of the request, with the bounds its value must respect. */
    public final class Value {

        private final String in;
        private final String name;
        private final String text;
        private Long min;
        private Long max;
        private boolean notBlank;
        private Integer minLength;
        private Integer maxLength;
        private Pattern pattern;
        private final int count;

        private Value(String in, String name, String text, int count) {
            this.in = in;
            this.name = name;
            this.text = text;
            this.count = count;
        }

        /** The value must be at least {@code bound}. */
        public Value min(long bound) {
            this.min = bound;
            return this;
        }

        /** The value must be at most {@code bound}. */
        public Value max(long bound) {
            this.max = bound;
            return this;
        }

        /** The text must contain something other than white space. */
        public Value notBlank() {
            this.notBlank = true;
            return this;
        }

        /** The text's length must lie within the bounds. */
        public Value size(int minLength, int maxLength) {
            this.minLength = minLength;
            this.maxLength = maxLength;
            return this;
        }

        /** The whole text must match. */
        public Value pattern(Pattern pattern) {
            this.pattern = pattern;
            return this;
        }

        /** The converted value; a violation when absent or invalid. */
        public <T> T required(ParamConverter<T> converter) {
            if (text == null) {
                violations.add(new Violation(in, name, "is required"));
                return converter.placeholder();
            }
            return check(converter, text);
        }

        /** The converted value, or {@code defaultText} converted when the request lacks it. */
        public <T> T orDefault(String defaultText, ParamConverter<T> converter) {
            return check(converter, text == null ? defaultText : text);
        }

        /** The converted value, or empty when the request lacks it. */
        public <T> Optional<T> optional(ParamConverter<T> converter) {
            return text == null ? Optional.empty() : Optional.of(check(converter, text));
        }

        private <T> T check(ParamConverter<T> converter, String candidate) {
            if (count > 1) {
                violations.add(new Violation(in, name, "must be given once, not " + count + " times"));
                return converter.placeholder();
            }
            T value = converter.convert(candidate);
            if (value == null || !withinBounds(value)) {
                violations.add(new Violation(in, name, "must be " + converter.expectation() + bounds()));
                return converter.placeholder();
            }
            String problem = textProblem(candidate, notBlank, minLength, maxLength, pattern);
            if (problem != null) {
                violations.add(new Violation(in, name, problem));
            }
            return value;
        }

        private boolean withinBounds(Object value) {
            if (!(value instanceof Number number)) {
                return true;
            }
            return (min == null || compareToBound(number, min) >= 0) && (max == null || compareToBound(number, max) <= 0);
        }

        private String bounds() {
            if (min != null && max != null) {
                return " from " + min + " to " + max;
            }
            if (min != null) {
                return " of at least " + min;
            }
            return max != null ? " of at most " + max : "";
        }
    }

    /**
     * The checks of one field of a JSON body. Each check records at most one violation per field:
     * once a field is wrong, the others checks of it are skipped.
     */
    public final class Field {

        private final String path;
        private final Object value;
        private boolean failed;

        private Field(String path, Object value) {
            this.path = path;
            this.value = value;
        }

        public Field notNull() {
            return value == null ? fail("is required") : this;
        }

        public Field notBlank() {
            if (value == null) {
                return fail("is required");
            }
            return value instanceof String text && text.isBlank() ? fail("must not be blank") : this;
        }

        public Field size(int minimum, int maximum) {
            if (value instanceof String text) {
                return check(textProblem(text, false, minimum, maximum, null));
            }
            int count = value instanceof Collection<?> collection ? collection.size()
                    : value instanceof Map<?, ?> map ? map.size() : -1;
            if (count >= 0 && (count < minimum || count > maximum)) {
                return fail("must have " + range(minimum, maximum) + " elements");
            }
            return this;
        }

        public Field min(long bound) {
            return value instanceof Number number && compareToBound(number, bound) < 0 ? fail("must be at least " + bound) : this;
        }

        public Field max(long bound) {
            return value instanceof Number number && compareToBound(number, bound) > 0 ? fail("must be at most " + bound) : this;
        }

        public Field pattern(Pattern regex) {
            return value instanceof String text ? check(textProblem(text, false, null, null, regex)) : this;
        }

        private Field check(String problem) {
            return problem == null ? this : fail(problem);
        }

        private Field fail(String message) {
            if (!failed) {
                failed = true;
                violations.add(new Violation("body", path, message));
            }
            return this;
        }
    }

    /**
     * The number compared with a bound, exactly: as doubles, 2^63-1 and 2^63-2 are equal, so a long
     * one past its @Max would pass. NaN compares as equal, so that it fails no bound (it fails conversion).
     */
    static int compareToBound(Number number, long bound) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return Long.compare(number.longValue(), bound);
        }
        if (number instanceof BigInteger big) {
            return big.compareTo(BigInteger.valueOf(bound));
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.compareTo(BigDecimal.valueOf(bound));
        }
        double value = number.doubleValue();
        if (Double.isNaN(value)) {
            return 0;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? 1 : -1;
        }
        return new BigDecimal(value).compareTo(BigDecimal.valueOf(bound));
    }

    /** What is wrong with a text by the string checks, or null. */
    private static String textProblem(String text, boolean notBlank, Integer minLength, Integer maxLength, Pattern pattern) {
        if (notBlank && text.isBlank()) {
            return "must not be blank";
        }
        int length = text.codePointCount(0, text.length());
        int minimum = minLength == null ? 0 : minLength;
        int maximum = maxLength == null ? Integer.MAX_VALUE : maxLength;
        if (length < minimum || length > maximum) {
            return "must be " + range(minimum, maximum) + " characters long";
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
            return "must match " + pattern.pattern();
        }
        return null;
    }

    private static String range(int minimum, int maximum) {
        if (maximum == Integer.MAX_VALUE) {
            return "at least " + minimum;
        }
        return minimum == 0 ? "at most " + maximum : "from " + minimum + " to " + maximum;
    }
}
