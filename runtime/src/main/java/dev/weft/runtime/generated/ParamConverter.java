package dev.weft.runtime.generated;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the text of a path, query or header parameter into the Java type of the method parameter.
 * A value it cannot convert is a client error described by {@link #expectation()}.
 */
public final class ParamConverter<T> {

    public static final ParamConverter<String> STRING = new ParamConverter<>("a string", "", text -> text);
    public static final ParamConverter<Integer> INT = new ParamConverter<>("an integer", 0, text -> Math.toIntExact(parseLong(text)));
    public static final ParamConverter<Long> LONG = new ParamConverter<>("an integer", 0L, ParamConverter::parseLong);
    public static final ParamConverter<Double> DOUBLE =
            new ParamConverter<>("a number", 0.0, ParamConverter::parseDouble);
    public static final ParamConverter<Float> FLOAT =
            new ParamConverter<>("a number", 0.0f, text -> parseDouble(text).floatValue());
    public static final ParamConverter<Boolean> BOOLEAN =
            new ParamConverter<>("true or false", false, ParamConverter::parseBoolean);

    private final String expectation;
    private final T placeholder;
    private final Function<String, T> parser;

    private ParamConverter(String expectation, T placeholder, Function<String, T> parser) {
        this.expectation = expectation;
        this.placeholder = placeholder;
        this.parser = parser;
    }

    /** Converts the names of an enum's constants, exactly as declared; pass {@code E.values()}. */
    public static <E extends Enum<E>> ParamConverter<E> ofEnum(E[] constants) {
        Map<String, E> byName = new HashMap<>();
        StringBuilder names = new StringBuilder("one of");
        for (E constant : constants) {
            byName.put(constant.name(), constant);
            names.append(byName.size() == 1 ? " " : ", ").append(constant.name());
        }
        return new ParamConverter<>(names.toString(), constants[0], text -> {
            E constant = byName.get(text);
            if (constant == null) {
                throw new IllegalArgumentException(text);
            }
            return constant;
        });
    }

    /** What a valid value is, completing "must be …". */
    public String expectation() {
        return expectation;
    }

    /** Returned in place of a value that failed, so that every violation can be collected. */
    T placeholder() {
        return placeholder;
    }

    /** The converted value, or null when the text is not valid. */
    T convert(String text) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * ASCII digits with an optional minus sign only: Java's own parsers also take "+5" and any
     * Unicode digit (fullwidth "２", Arabic-Indic "٣"), which would let two different texts name
     * the same resource and slip past filters that look at the raw text.
     */
    private static long parseLong(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start || text.length() > 20) {
            throw new NumberFormatException(text);
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
        }
        return Long.parseLong(text);
    }

    /** Plain decimal numbers only: Java would also take "NaN", "0x1p3" and "1d". */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private static Double parseDouble(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException(text);
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new NumberFormatException(text);
        }
        return value;
    }

    private static Boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }
}
