package dev.weft.wasm.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A function type, written {@code (i32,i64)->(f64)}: the form the build records in module
 * manifests and the form compile errors show.
 */
public record WasmSignature(List<WasmType> params, List<WasmType> results) {

    public WasmSignature {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    public static WasmSignature of(List<WasmType> params, List<WasmType> results) {
        return new WasmSignature(params, results);
    }

    /** Parses the text form produced by {@link #toString()}. */
    public static WasmSignature parse(String text) {
        int arrow = text.indexOf("->");
        if (arrow < 0) {
            throw new IllegalArgumentException("not a wasm signature: '" + text + "'");
        }
        return new WasmSignature(
                parseList(text.substring(0, arrow).trim(), text),
                parseList(text.substring(arrow + 2).trim(), text));
    }

    private static List<WasmType> parseList(String list, String whole) {
        if (!list.startsWith("(") || !list.endsWith(")")) {
            throw new IllegalArgumentException("not a wasm signature: '" + whole + "'");
        }
        String inner = list.substring(1, list.length() - 1).trim();
        List<WasmType> types = new ArrayList<>();
        if (!inner.isEmpty()) {
            for (String name : inner.split(",")) {
                types.add(WasmType.fromText(name.trim()));
            }
        }
        return types;
    }

    @Override
    public String toString() {
        return format(params) + "->" + format(results);
    }

    private static String format(List<WasmType> types) {
        return types.stream().map(WasmType::text).collect(Collectors.joining(",", "(", ")"));
    }
}
