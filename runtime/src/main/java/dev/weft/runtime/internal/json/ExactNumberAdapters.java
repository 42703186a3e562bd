package dev.weft.runtime.internal.json;

import io.avaje.json.JsonAdapter;
import io.avaje.json.JsonReader;
import io.avaje.json.JsonWriter;
import io.avaje.jsonb.Jsonb;
import java.math.BigDecimal;

/**
 * Reads JSON numbers exactly: integers only when they are written as integers and fit their type,
 * {@code double} and {@code float} correctly rounded.
 *
 * <p>avaje-jsonb 3.6 reads an {@code int} by wrapping: {@code 4294967297} became 1 and passed
 * {@code @Max(1000)}; it also reads {@code 1.5} into an int field. Here an integer field takes
 * only an optional minus sign and ASCII digits, within its type's range ({@code 1.0} and
 * {@code 1e3} are refused: a client that sends them has a bug worth hearing about), and anything
 * else is a {@link RejectedValue} that names what the field must be.
 *
 * <p>Doubles and floats:
 *
 * <p>avaje-jsonb 3.6 parses doubles with a fast approximation that can be one unit in the last
 * place off (it reads {@code 1990844.2641906105} as {@code 1990844.2641906103}), which would break
 * any checksum or money amount that crosses a JSON body. Parsing the number's exact decimal value
 * and rounding it once avoids that. Doubles are written by avaje, whose output round-trips; floats
 * are written in their own shortest form.
 */
final class ExactNumberAdapters {

    private ExactNumberAdapters() {}

    static Jsonb.Builder register(Jsonb.Builder builder) {
        return builder
                .add(double.class, new DoubleAdapter(0.0))
                .add(Double.class, new DoubleAdapter(null))
                .add(float.class, new FloatAdapter(0.0f))
                .add(Float.class, new FloatAdapter(null))
                .add(int.class, new IntegerAdapter<>(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, value -> (int) value))
                .add(Integer.class, new IntegerAdapter<>(Integer.MIN_VALUE, Integer.MAX_VALUE, null, value -> (int) value))
                .add(long.class, new IntegerAdapter<>(Long.MIN_VALUE, Long.MAX_VALUE, 0L, value -> value))
                .add(Long.class, new IntegerAdapter<>(Long.MIN_VALUE, Long.MAX_VALUE, null, value -> value))
                .add(short.class, new IntegerAdapter<>(Short.MIN_VALUE, Short.MAX_VALUE, (short) 0, value -> (short) value))
                .add(Short.class, new IntegerAdapter<>(Short.MIN_VALUE, Short.MAX_VALUE, null, value -> (short) value))
                .add(byte.class, new IntegerAdapter<>(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0, value -> (byte) value))
                .add(Byte.class, new IntegerAdapter<>(Byte.MIN_VALUE, Byte.MAX_VALUE, null, value -> (byte) value));
    }

    /**
     * An integer type: the number's text must be {@code -?[0-9]+} and lie within {@code [min, max]}.
     * A JSON null reads as {@code whenNull}, as avaje does.
     */
    private record IntegerAdapter<T extends Number>(long min, long max, T whenNull, java.util.function.LongFunction<T> narrow)
            implements JsonAdapter<T> {

        @Override
        public void toJson(JsonWriter writer, T value) {
            if (value == null) {
                writer.nullValue();
            } else {
                writer.value(value.longValue());
            }
        }

        @Override
        public T fromJson(JsonReader reader) {
            if (reader.isNullValue()) {
                return whenNull;
            }
            if (reader.currentToken() != JsonReader.Token.NUMBER) {
                throw new RejectedValue(expectation());
            }
            String text = reader.readRaw();
            return narrow.apply(parse(text));
        }

        private long parse(String text) {
            int start = text.startsWith("-") ? 1 : 0;
            if (text.length() == start) {
                throw new RejectedValue(expectation());
            }
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    throw new RejectedValue(expectation());
                }
            }
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException outsideLong) {
                throw new RejectedValue(expectation());
            }
            if (value < min || value > max) {
                throw new RejectedValue(expectation());
            }
            return value;
        }

        private String expectation() {
            return "must be an integer from " + min + " to " + max;
        }
    }

    /** A JSON null reads as {@code whenNull}: 0 for primitives, as avaje does, null for boxes. */
    private record DoubleAdapter(Double whenNull) implements JsonAdapter<Double> {

        @Override
        public void toJson(JsonWriter writer, Double value) {
            if (value == null) {
                writer.nullValue();
            } else {
                writer.value(value);
            }
        }

        @Override
        public Double fromJson(JsonReader reader) {
            if (reader.isNullValue()) {
                return whenNull;
            }
            return reader.readDecimal().doubleValue();
        }
    }

    private record FloatAdapter(Float whenNull) implements JsonAdapter<Float> {

        @Override
        public void toJson(JsonWriter writer, Float value) {
            if (value == null) {
                writer.nullValue();
            } else if (Float.isFinite(value)) {
                // The float's own shortest form: 0.1f, not the double 0.10000000149011612.
                writer.value(new BigDecimal(Float.toString(value)));
            } else {
                writer.value((double) value);
            }
        }

        @Override
        public Float fromJson(JsonReader reader) {
            if (reader.isNullValue()) {
                return whenNull;
            }
            return reader.readDecimal().floatValue();
        }
    }
}
