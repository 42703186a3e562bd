package dev.weft.runtime.generated;

/**
 * Conversions between Java values and the {@code long}s through which Chicory passes every wasm
 * value; generated code uses them to call exports. Integers pass as they are.
 */
public final class WasmValues {

    private WasmValues() {}

    public static long f32(float value) {
        return Float.floatToRawIntBits(value);
    }

    public static long f64(double value) {
        return Double.doubleToRawLongBits(value);
    }

    public static long i32(boolean value) {
        return value ? 1 : 0;
    }

    public static float asF32(long raw) {
        return Float.intBitsToFloat((int) raw);
    }

    public static double asF64(long raw) {
        return Double.longBitsToDouble(raw);
    }

    public static boolean asBoolean(long raw) {
        return (int) raw != 0;
    }
}
