package dev.weft.runtime.wasm;

import dev.weft.runtime.WeftServer;
import dev.weft.runtime.generated.GuestModule;
import dev.weft.runtime.generated.WasmModuleDefinition;

/**
 * The application's wasm modules, owned by its {@link dev.weft.runtime.WeftServer}: take them from
 * {@code WeftServer.Builder.modules()} and hand them to the generated {@code <Interface>Wasm}
 * classes. The server configures each module from {@code weft.wasm.modules.<name>}, reports it in
 * {@code /health} and {@code /metrics}, watches the hot-reload folder, and releases every module
 * when it stops.
 */
public interface WasmModules {

    /**
     * The module a generated class calls, started (one instance ready) on first use. For generated
     * code.
     */
    GuestModule module(WasmModuleDefinition definition);

    /**
     * Replaces a module with another version of it, compiled now: what the hot-reload folder does,
     * for tools that get a module another way. The new version must parse, keep every export of the
     * live one with its signature, and instantiate; otherwise the live one stays and this throws.
     * Needs Chicory's compiler on the class path.
     *
     * @param label how {@code /health} will name the new version
     * @return milliseconds spent compiling, checking and swapping
     * @throws IllegalArgumentException when the module is unknown or the new version is refused
     */
    long reload(String name, byte[] wasm, String label);
}
