package dev.weft.processor;

import static dev.weft.wasm.abi.WasmType.F32;
import static dev.weft.wasm.abi.WasmType.F64;
import static dev.weft.wasm.abi.WasmType.I32;
import static dev.weft.wasm.abi.WasmType.I64;

import dev.weft.wasm.abi.WasmSignature;
import dev.weft.wasm.abi.WasmType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The wasm signature a Java method needs of the export bound to it (docs/guest-abi.md). */
final class WasmSignatures {

    private WasmSignatures() {}

    /** The signature, or empty when a parameter or the return type cannot cross into a guest. */
    static Optional<WasmSignature> expected(List<Param> params, ValueType returns) {
        List<WasmType> wasmParams = new ArrayList<>();
        for (Param param : params) {
            if (param.type().kind() == ValueType.Kind.REQUEST || param.type().kind() == ValueType.Kind.PRINCIPAL) {
                continue;
            }
            if (param.type().optional()) {
                return Optional.empty();
            }
            if (param.type().isByteLike()) {
                wasmParams.add(I32);
                wasmParams.add(I32);
                continue;
            }
            Optional<WasmType> numeric = numeric(param.type());
            if (numeric.isEmpty()) {
                return Optional.empty();
            }
            wasmParams.add(numeric.get());
        }
        List<WasmType> results = new ArrayList<>();
        if (returns.optional()) {
            return Optional.empty();
        }
        if (returns.isByteLike()) {
            results.add(I64);
        } else if (returns.kind() != ValueType.Kind.VOID) {
            Optional<WasmType> numeric = numeric(returns);
            if (numeric.isEmpty()) {
                return Optional.empty();
            }
            results.add(numeric.get());
        }
        return Optional.of(WasmSignature.of(wasmParams, results));
    }

    /** Whether a value of this type crosses as bytes in guest memory, needing the allocator. */
    static boolean usesMemory(List<Param> params, ValueType returns) {
        return returns.isByteLike() || params.stream().anyMatch(param -> param.type().isByteLike());
    }

    private static Optional<WasmType> numeric(ValueType type) {
        return switch (type.kind()) {
            case INT, BOOLEAN -> Optional.of(I32);
            case LONG -> Optional.of(I64);
            case FLOAT -> Optional.of(F32);
            case DOUBLE -> Optional.of(F64);
            default -> Optional.empty();
        };
    }
}
