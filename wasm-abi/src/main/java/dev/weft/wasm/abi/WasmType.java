package dev.weft.wasm.abi;

import java.util.Locale;

/** The four numeric value types of core WebAssembly, the only ones the Weft ABI uses. */
public enum WasmType {
    I32,
    I64,
    F32,
    F64;

    /** The type's name in the WebAssembly text format, for example {@code "i32"}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a text-format name such as {@code "f64"}. */
    public static WasmType fromText(String text) {
        for (WasmType type : values()) {
            if (type.text().equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a wasm number type: '" + text + "'");
    }
}
