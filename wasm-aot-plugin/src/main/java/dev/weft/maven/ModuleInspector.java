package dev.weft.maven;

import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import dev.weft.wasm.abi.HostFunction;
import dev.weft.wasm.abi.ModuleManifest;
import dev.weft.wasm.abi.WasmSignature;
import dev.weft.wasm.abi.WasmType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads what a module exports and imports, and checks that it imports only what Weft offers:
 * a module that expects anything else could not be instantiated, so it fails the build.
 */
final class ModuleInspector {

    private static final String WASI_MODULE = "wasi_snapshot_preview1";

    /** Every import Weft offers, by {@code module.name}: its own host functions and WASI preview 1. */
    private static final Map<String, WasmSignature> OFFERED = offered();

    private ModuleInspector() {}

    private static Map<String, WasmSignature> offered() {
        Map<String, WasmSignature> offered = new LinkedHashMap<>();
        for (HostFunction function : HostFunction.values()) {
            offered.put(HostFunction.MODULE + "." + function.importName(), function.signature());
        }
        // The same WASI implementation the runtime links, asked for its functions' types.
        try (WasiPreview1 wasi = WasiPreview1.builder().build()) {
            for (com.dylibso.chicory.runtime.HostFunction function : wasi.toHostFunctions()) {
                signature(function.functionType()).ifPresent(signature ->
                        offered.put(function.module() + "." + function.name(), signature));
            }
        }
        return Map.copyOf(offered);
    }

    /** The manifest of a module, once its imports passed the check. */
    static ModuleManifest inspect(ModuleName name, Path wasm, String className, String source, String sha256)
            throws InvalidModuleException {
        WasmModule module;
        try {
            module = Parser.parse(wasm);
        } catch (RuntimeException e) {
            throw new InvalidModuleException("wasm module '" + name + "' (" + source + ") is not valid WebAssembly: "
                    + e.getMessage());
        }
        List<ModuleManifest.Import> imports = checkImports(name, source, module);
        return new ModuleManifest(name.value(), className, source, sha256, exports(module), imports);
    }

    private static Map<String, WasmSignature> exports(WasmModule module) {
        int importedFunctions = module.importSection().count(ExternalType.FUNCTION);
        Map<String, WasmSignature> exports = new LinkedHashMap<>();
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export export = module.exportSection().getExport(i);
            if (export.exportType() != ExternalType.FUNCTION) {
                continue;
            }
            int function = export.index();
            FunctionType type = function < importedFunctions
                    ? importedFunctionType(module, function)
                    : module.typeSection().getType(module.functionSection().getFunctionType(function - importedFunctions));
            // An export with reference or vector types cannot be bound to Java, so it is not listed.
            signature(type).ifPresent(signature -> exports.put(export.name(), signature));
        }
        return exports;
    }

    private static FunctionType importedFunctionType(WasmModule module, int function) {
        int seen = 0;
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imported = module.importSection().getImport(i);
            if (imported instanceof FunctionImport functionImport && seen++ == function) {
                return module.typeSection().getType(functionImport.typeIndex());
            }
        }
        throw new IllegalStateException("no imported function " + function);
    }

    private static List<ModuleManifest.Import> checkImports(ModuleName name, String source, WasmModule module)
            throws InvalidModuleException {
        List<ModuleManifest.Import> imports = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imported = module.importSection().getImport(i);
            String qualified = imported.module() + "." + imported.name();
            if (!(imported instanceof FunctionImport functionImport)) {
                refused.add(qualified + " (a " + imported.importType().name().toLowerCase(java.util.Locale.ROOT) + ")");
                continue;
            }
            Optional<WasmSignature> signature = signature(module.typeSection().getType(functionImport.typeIndex()));
            WasmSignature offered = OFFERED.get(qualified);
            if (signature.isEmpty() || offered == null || !offered.equals(signature.get())) {
                refused.add(qualified + signature.map(WasmSignature::toString).orElse("(…)"));
                continue;
            }
            imports.add(new ModuleManifest.Import(imported.module(), imported.name(), signature.get()));
        }
        if (!refused.isEmpty()) {
            String weft = Arrays.stream(HostFunction.values())
                    .map(function -> HostFunction.MODULE + "." + function.importName() + function.signature())
                    .collect(Collectors.joining(", "));
            throw new InvalidModuleException("wasm module '" + name + "' (" + source + ") imports "
                    + String.join(", ", refused) + ", which Weft does not offer. A guest may import only: "
                    + weft + ", and WASI preview 1 (" + WASI_MODULE + ".*) with its usual signatures"
                    + " (see docs/guest-abi.md).");
        }
        return imports;
    }

    private static Optional<WasmSignature> signature(FunctionType type) {
        List<WasmType> params = new ArrayList<>();
        List<WasmType> results = new ArrayList<>();
        for (ValType valType : type.params()) {
            Optional<WasmType> converted = wasmType(valType);
            if (converted.isEmpty()) {
                return Optional.empty();
            }
            params.add(converted.get());
        }
        for (ValType valType : type.returns()) {
            Optional<WasmType> converted = wasmType(valType);
            if (converted.isEmpty()) {
                return Optional.empty();
            }
            results.add(converted.get());
        }
        return Optional.of(WasmSignature.of(params, results));
    }

    private static Optional<WasmType> wasmType(ValType type) {
        if (type.equals(ValType.I32)) {
            return Optional.of(WasmType.I32);
        }
        if (type.equals(ValType.I64)) {
            return Optional.of(WasmType.I64);
        }
        if (type.equals(ValType.F32)) {
            return Optional.of(WasmType.F32);
        }
        if (type.equals(ValType.F64)) {
            return Optional.of(WasmType.F64);
        }
        return Optional.empty();
    }

    /** A module that is not valid wasm, or that imports what Weft does not offer. */
    static final class InvalidModuleException extends Exception {
        InvalidModuleException(String message) {
            super(message);
        }
    }
}
