package dev.weft.runtime.internal.json;

import io.avaje.json.JsonAdapter;
import io.avaje.json.JsonReader;
import io.avaje.json.JsonWriter;
import io.avaje.jsonb.Jsonb;
import java.math.BigDecimal;

/**
 * Reads JSON numbers into {@code double} and {@code float} exactly, that is correctly rounded.
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
                .add(Float.class, new FloatAdapter(null));
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
