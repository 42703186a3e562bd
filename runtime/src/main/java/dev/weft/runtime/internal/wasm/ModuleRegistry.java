package dev.weft.runtime.internal.wasm;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.weft.runtime.generated.GuestModule;
import dev.weft.runtime.internal.data.DataSourceRegistry;
import dev.weft.runtime.generated.WasmModuleDefinition;
import dev.weft.runtime.internal.metrics.ModuleMetrics;
import dev.weft.runtime.internal.metrics.WeftMetrics;
import dev.weft.runtime.wasm.WasmModules;
import dev.weft.wasm.abi.ModuleManifest;
import dev.weft.wasm.abi.Sha256;
import io.helidon.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's {@link WasmModules}: one {@link ModuleHost} per module, created the first time
 * generated code asks for it and configured from {@code weft.wasm.modules.<name>}. The server
 * creates it from its configuration, reports its hosts and closes it when it stops.
 *
 * <p>With {@code weft.wasm.hot-reload.directory} set, a {@code <module>.wasm} put in that folder
 * replaces the module while the server runs (see {@link ModuleReloader}).
 */
public final class ModuleRegistry implements WasmModules, AutoCloseable {

    /** The configuration node under which each module's settings live. */
    public static final String CONFIG_KEY = "weft.wasm.modules";
    public static final String HOT_RELOAD_KEY = "weft.wasm.hot-reload";

    private final Config modulesConfig;
    private final Map<String, ModuleHost> hosts = new ConcurrentHashMap<>();
    /** The hosts in the order the application first asked for them: the background start's order. */
    private final List<ModuleHost> inOrderAsked = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * Where each module's first instance is made: {@code false} (the default) once the server
     * listens, on a background thread ({@link #prestart}), so that start-up does not wait for it;
     * {@code true} when the module is first asked for, before the server listens, so that a module
     * that cannot start fails start-up.
     */
    public static final String START_BEFORE_LISTENING_KEY = "weft.wasm.start-before-listening";
    /** {@code false}: no background start, each module's first call makes its first instance. */
    public static final String PRESTART_KEY = "weft.wasm.prestart";

    private final ModuleReloader reloader;
    private final DataSourceRegistry dataSources;
    private final boolean startBeforeListening;
    private final Map<String, String> startFailures = new ConcurrentHashMap<>();
    private final boolean prestart;

    public ModuleRegistry(Config config) {
        this(config, DataSourceRegistry.empty());
    }

    /** Modules whose guests may reach {@code dataSources} where granted. */
    public ModuleRegistry(Config config, DataSourceRegistry dataSources) {
        this.dataSources = dataSources;
        this.modulesConfig = config.get(CONFIG_KEY);
        this.startBeforeListening = config.get(START_BEFORE_LISTENING_KEY).asBoolean().orElse(false);
        this.prestart = config.get(PRESTART_KEY).asBoolean().orElse(true);
        Config hotReload = config.get(HOT_RELOAD_KEY);
        this.reloader = hotReload.get("directory").asString()
                .map(directory -> ModuleReloader.start(java.nio.file.Path.of(directory),
                        hotReload.get("poll-interval").as(Duration.class).orElse(Duration.ofSeconds(1)), this))
                .orElse(null);
    }

    /** Modules with default settings: no grants, no hot reload. */
    public static ModuleRegistry withDefaults() {
        return new ModuleRegistry(Config.empty());
    }

    @Override
    public GuestModule module(WasmModuleDefinition definition) {
        return host(definition);
    }

    /** The host of a module, started on first use. */
    public ModuleHost host(WasmModuleDefinition definition) {
        return hosts.computeIfAbsent(definition.name(), name -> {
            ModuleSettings settings = ModuleSettings.from(modulesConfig, name);
            ModuleHost host = new ModuleHost(
                    name,
                    new ModuleVersion("built with the application", builtSha256(name).orElse("unknown"),
                            definition.module(), definition.machineFactory(), true),
                    settings,
                    (module, idle) -> new ModuleMetrics(WeftMetrics.registry(), module, idle),
                    startBeforeListening,
                    new DataImports(name, DataGrants.from(modulesConfig, name), dataSources, settings.timeout()));
            inOrderAsked.add(host);
            return host;
        });
    }

    /**
     * Compares the most linear memory the modules may hold at once (each module's
     * {@code max-memory} times its {@code max-instances}; wasm memory lives on the heap) with the
     * JVM's maximum heap, and says so when it is more: requests could then run the JVM out of
     * memory (503) long before a module reaches its own limit.
     *
     * @return the warning logged, or empty when the modules fit
     */
    public Optional<String> checkMemoryBudget(long maxHeapBytes) {
        long total = 0;
        StringBuilder shares = new StringBuilder();
        for (ModuleHost host : hosts.values().stream().sorted(java.util.Comparator.comparing(ModuleHost::name)).toList()) {
            ModuleSettings settings = host.settings();
            long share = settings.maxMemoryBytes() * settings.maxInstances();
            total += share;
            shares.append(shares.isEmpty() ? "" : ", ").append(host.name()).append(' ')
                    .append(mebibytes(settings.maxMemoryBytes())).append(" MiB x ").append(settings.maxInstances());
        }
        if (total <= maxHeapBytes) {
            return Optional.empty();
        }
        String warning = "wasm modules may hold up to " + mebibytes(total) + " MiB of linear memory at once ("
                + shares + "), more than the JVM's maximum heap of " + mebibytes(maxHeapBytes) + " MiB: lower "
                + CONFIG_KEY + ".<module>.max-memory or .max-instances, or give the JVM more heap (-Xmx)";
        System.getLogger("weft.wasm").log(System.Logger.Level.WARNING, warning);
        return Optional.of(warning);
    }

    private static long mebibytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    /**
     * Makes each module's first instance on a background platform thread (not a virtual one: on a
     * single CPU it would hold the only carrier thread and keep requests waiting), in the order the
     * application first asked for the modules, which is the order it registered their route groups
     * in: the routes it names first are the first ready. A module that cannot start is logged, and
     * its calls fail as they would have. Called by the server once it listens; a module a request
     * reaches first makes its own instance.
     */
    public void prestart() {
        List<ModuleHost> pending = List.copyOf(inOrderAsked);
        if (pending.isEmpty() || !prestart || startBeforeListening) {
            return;
        }
        Thread.ofPlatform().daemon().name("weft-wasm-prestart").start(() -> {
            for (ModuleHost host : pending) {
                try {
                    host.prestart();
                } catch (RuntimeException e) {
                    startFailures.put(host.name(), String.valueOf(e.getMessage()));
                    System.getLogger("weft.wasm").log(System.Logger.Level.ERROR,
                            "wasm module ''" + host.name() + "'' cannot start: " + e.getMessage(), e);
                }
            }
        });
    }

    /**
     * The modules whose first instance could not be made in the background, each with why: the
     * server answers {@code /health} with 503 while any is listed. A module a hot reload replaced
     * with a version that starts leaves the list.
     */
    public Map<String, String> startFailures() {
        return Map.copyOf(startFailures);
    }

    /** The host of a module, if the application uses it. */
    Optional<ModuleHost> find(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /**
     * Replaces a module with another version of it, compiled now: what the hot-reload folder does,
     * for tools that get a module another way. The new version must parse, keep every export of the
     * live one with its signature, and instantiate; otherwise the live one stays and this throws.
     *
     * @param label how {@code /health} will name the new version
     * @return milliseconds spent compiling, checking and swapping
     * @throws IllegalArgumentException when the module is unknown or the new version is refused
     */
    @Override
    public long reload(String name, byte[] wasm, String label) {
        long started = System.nanoTime();
        ModuleHost host = find(name).orElseThrow(() -> new IllegalArgumentException("no wasm module named '" + name + "'"));
        WasmModule module;
        try {
            module = Parser.parse(wasm);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("it is not valid WebAssembly: " + e.getMessage(), e);
        }
        // One reload of a module at a time: two at once could each check against the same live
        // version and then both replace it, the later swap undoing the earlier.
        host.reloadLock().lock();
        try {
            ModuleReloader.checkExports(host.currentVersion().module(), module);
            ModuleVersion candidate = new ModuleVersion(label, Sha256.of(wasm), module,
                    RuntimeCompiler.compile(module));
            host.replace(candidate, host.check(candidate));
            startFailures.remove(name);
        } finally {
            host.reloadLock().unlock();
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    public Collection<ModuleHost> hosts() {
        return List.copyOf(hosts.values());
    }

    @Override
    public void close() {
        if (reloader != null) {
            reloader.close();
        }
        hosts.values().forEach(ModuleHost::close);
    }

    /** The SHA-256 of the .wasm the build compiled, from the manifest it wrote beside the classes. */
    private static Optional<String> builtSha256(String name) {
        try (InputStream manifest = ModuleRegistry.class.getClassLoader()
                .getResourceAsStream(ModuleManifest.resourcePath(name))) {
            if (manifest == null) {
                return Optional.empty();
            }
            return Optional.of(ModuleManifest.read(new InputStreamReader(manifest, StandardCharsets.UTF_8)).sha256());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
