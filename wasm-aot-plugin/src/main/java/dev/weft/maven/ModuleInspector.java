package dev.weft.maven;

import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.Import;
import dev.weft.wasm.abi.HostImport;
import dev.weft.wasm.abi.ModuleInterface;
import dev.weft.wasm.abi.ModuleManifest;
import dev.weft.wasm.abi.WasmSignature;
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
        for (HostImport function : HostImport.values()) {
            offered.put(HostImport.MODULE + "." + function.importName(), function.signature());
        }
        // The same WASI implementation the runtime links, asked for its functions' types.
        try (WasiPreview1 wasi = WasiPreview1.builder().build()) {
            for (com.dylibso.chicory.runtime.HostFunction function : wasi.toHostFunctions()) {
                ModuleInterface.signature(function.functionType()).ifPresent(signature ->
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
        checkImports(name, source, module);
        ModuleInterface moduleInterface = ModuleInterface.read(module);
        return new ModuleManifest(name.value(), className, source, sha256, moduleInterface.exports(), moduleInterface.imports(),
                moduleInterface.returnsBytes());
    }

    /** Refuses every import Weft does not offer, in the module's order, naming them all at once. */
    private static void checkImports(ModuleName name, String source, WasmModule module) throws InvalidModuleException {
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imported = module.importSection().getImport(i);
            String qualified = imported.module() + "." + imported.name();
            if (!(imported instanceof FunctionImport functionImport)) {
                refused.add(qualified + " (a " + imported.importType().name().toLowerCase(java.util.Locale.ROOT) + ")");
                continue;
            }
            Optional<WasmSignature> signature =
                    ModuleInterface.signature(module.typeSection().getType(functionImport.typeIndex()));
            if (signature.isEmpty() || !signature.get().equals(OFFERED.get(qualified))) {
                refused.add(qualified + signature.map(WasmSignature::toString).orElse("(…)"));
            }
        }
        if (!refused.isEmpty()) {
            String weft = Arrays.stream(HostImport.values())
                    .map(function -> HostImport.MODULE + "." + function.importName() + function.signature())
                    .collect(Collectors.joining(", "));
            throw new InvalidModuleException("wasm module '" + name + "' (" + source + ") imports "
                    + String.join(", ", refused) + ", which Weft does not offer. A guest may import only: "
                    + weft + ", and WASI preview 1 (" + WASI_MODULE + ".*) with its usual signatures"
                    + " (see docs/guest-abi.md).");
        }
    }

    /** A module that is not valid wasm, or that imports what Weft does not offer. */
    static final class InvalidModuleException extends Exception {
        InvalidModuleException(String message) {
            super(message);
        }
    }
}
