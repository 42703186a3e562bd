package dev.weft.runtime.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        return new Value("path", name, request.pathParam(name));
    }

    public Value query(String name) {
        return new Value("query", name, request.query(name));
    }

    public Value header(String name) {
        return new Value("header", name, request.header(name));
    }

    /** Records a violation found by other checks, such as body validation. */
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

        private Value(String in, String name, String text) {
            this.in = in;
            this.name = name;
            this.text = text;
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
            T value = converter.convert(candidate);
            if (value == null || !withinBounds(value)) {
                violations.add(new Violation(in, name, "must be " + converter.expectation() + bounds()));
                return converter.placeholder();
            }
            return value;
        }

        private boolean withinBounds(Object value) {
            if (!(value instanceof Number number)) {
                return true;
            }
            // Integral values compare exactly; fractional ones against the bound as a double.
            boolean integral = number instanceof Integer || number instanceof Long;
            if (min != null && (integral ? number.longValue() < min : number.doubleValue() < min)) {
                return false;
            }
            return max == null || (integral ? number.longValue() <= max : number.doubleValue() <= max);
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
}
