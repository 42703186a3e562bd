package dev.weft.wasm.abi;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.CustomSection;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.UnknownCustomSection;
import com.dylibso.chicory.wasm.types.ValType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a module offers and expects: its function exports and imports with their signatures. The
 * one reader of a parsed module's interface, shared by the build (which records it in a
 * {@link ModuleManifest} and refuses unknown imports), hot reload (which refuses a new version that
 * drops or changes an export) and the runtime (which primes the guest allocator when it is exported).
 *
 * <p>Only numeric signatures are listed: an export with reference or vector types cannot be bound
 * to Java, so neither a binding nor a reload check ever needs it.
 */
public record ModuleInterface(Map<String, WasmSignature> exports, List<ModuleManifest.Import> imports,
        Map<String, Boolean> returnsBytes) {

    public ModuleInterface {
        exports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        imports = List.copyOf(imports);
        returnsBytes = Map.copyOf(returnsBytes);
    }

    /** An interface that says nothing of what its exports' results are (a module not built with weft-guest). */
    public ModuleInterface(Map<String, WasmSignature> exports, List<ModuleManifest.Import> imports) {
        this(exports, imports, Map.of());
    }

    /** Reads the interface of a parsed module; imports of other kinds or types are left out (the build refuses them). */
    public static ModuleInterface read(WasmModule module) {
        return new ModuleInterface(exports(module), imports(module), returnsBytes(module));
    }

    /**
     * For each export whose result weft-guest described in {@link GuestAbi#RESULTS_SECTION}: true
     * when it returns bytes, false when a number. Empty for a module built without weft-guest.
     */
    private static Map<String, Boolean> returnsBytes(WasmModule module) {
        Map<String, Boolean> results = new LinkedHashMap<>();
        for (CustomSection section : module.customSections()) {
            // wasm-ld appends the sections of one name from every object file into one.
            if (section instanceof UnknownCustomSection custom && custom.name().equals(GuestAbi.RESULTS_SECTION)) {
                for (String line : new String(custom.bytes(), StandardCharsets.UTF_8).split("\n")) {
                    int equals = line.indexOf('=');
                    if (equals > 0) {
                        results.put(line.substring(0, equals), line.substring(equals + 1).equals("bytes"));
                    }
                }
            }
        }
        return results;
    }

    /** Whether the module exports a function of this name (with a numeric signature). */
    public boolean exportsFunction(String name) {
        return exports.containsKey(name);
    }

    /**
     * Why {@code next} cannot replace a module with this interface, or empty when it can: it must
     * offer every export this one has, with the same signature.
     */
    public Optional<String> incompatibilityOf(ModuleInterface next) {
        for (Map.Entry<String, WasmSignature> export : exports.entrySet()) {
            WasmSignature replacement = next.exports.get(export.getKey());
            if (replacement == null) {
                return Optional.of("it lacks the export '" + export.getKey() + "'");
            }
            if (!replacement.equals(export.getValue())) {
                return Optional.of("its export '" + export.getKey() + "' is " + replacement + ", not " + export.getValue());
            }
        }
        return Optional.empty();
    }

    /** The signature of a function type, or empty if it uses types Java cannot be bound to. */
    public static Optional<WasmSignature> signature(FunctionType type) {
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
            signature(type).ifPresent(signature -> exports.put(export.name(), signature));
        }
        return exports;
    }

    private static List<ModuleManifest.Import> imports(WasmModule module) {
        List<ModuleManifest.Import> imports = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            if (module.importSection().getImport(i) instanceof FunctionImport functionImport) {
                signature(module.typeSection().getType(functionImport.typeIndex())).ifPresent(signature ->
                        imports.add(new ModuleManifest.Import(functionImport.module(), functionImport.name(), signature)));
            }
        }
        return imports;
    }

    private static FunctionType importedFunctionType(WasmModule module, int function) {
        int seen = 0;
        for (int i = 0; i < module.importSection().importCount(); i++) {
            if (module.importSection().getImport(i) instanceof FunctionImport functionImport && seen++ == function) {
                return module.typeSection().getType(functionImport.typeIndex());
            }
        }
        throw new IllegalStateException("no imported function " + function);
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
}
