package dev.weft.runtime.wasm;

import io.helidon.config.Config;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's wasm modules: one {@link ModuleHost} per module, created the first time
 * generated code asks for it and configured from {@code weft.wasm.modules.<name>}.
 */
public final class WasmModules implements AutoCloseable {

    /** The configuration node under which each module's settings live. */
    public static final String CONFIG_KEY = "weft.wasm.modules";

    private final Config modulesConfig;
    private final Map<String, ModuleHost> hosts = new ConcurrentHashMap<>();

    private WasmModules(Config modulesConfig) {
        this.modulesConfig = modulesConfig;
    }

    public static WasmModules create(Config config) {
        return new WasmModules(config.get(CONFIG_KEY));
    }

    /** Modules with default settings: no grants. */
    public static WasmModules withDefaults() {
        return new WasmModules(Config.empty());
    }

    /** The host of a module, started on first use. */
    public ModuleHost host(WasmModuleDefinition definition) {
        return hosts.computeIfAbsent(
                definition.name(), name -> new ModuleHost(definition, ModuleSettings.from(modulesConfig, name)));
    }

    public Collection<ModuleHost> hosts() {
        return List.copyOf(hosts.values());
    }

    @Override
    public void close() {
        hosts.values().forEach(ModuleHost::close);
    }
}
