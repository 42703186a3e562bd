package dev.weft.runtime.wasm;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.WasmModule;
import dev.weft.wasm.abi.HostFunction;
import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * Hosts one module: keeps instances ready so that a request does not pay for instantiation, and
 * lends each to one request at a time. At most {@code max-instances} requests run in the module
 * at once; a further one waits for an instance to come back.
 */
public final class ModuleHost {

    private static final System.Logger LOG = System.getLogger(ModuleHost.class.getName());

    private final WasmModuleDefinition definition;
    private final ModuleSettings settings;
    private final WasmModule module;
    private final ImportValues imports;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<GuestInstance> idle = new ConcurrentLinkedDeque<>();

    ModuleHost(WasmModuleDefinition definition, ModuleSettings settings) {
        this.definition = definition;
        this.settings = settings;
        this.module = definition.module().get();
        this.imports = new HostFunctions(definition.name(), settings).imports();
        this.permits = new Semaphore(settings.maxInstances(), true);
        warnOfMissingGrants();
        // One instance ready before the first request: the cure for cold starts the paper asks for.
        idle.push(instantiate());
    }

    public String name() {
        return definition.name();
    }

    public ModuleSettings settings() {
        return settings;
    }

    /** Lends an instance for one request; close it to give it back. Waits while all are lent. */
    public GuestInstance borrow() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an instance of " + name(), e);
        }
        GuestInstance instance = idle.pollFirst();
        if (instance != null) {
            return instance;
        }
        try {
            return instantiate();
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    void giveBack(GuestInstance instance, boolean broken) {
        if (broken) {
            LOG.log(Level.DEBUG, "discarding a failed instance of {0}", name());
        } else {
            idle.offerFirst(instance);
        }
        permits.release();
    }

    /** Instances idle in the pool now. */
    public int idleInstances() {
        return idle.size();
    }

    void close() {
        idle.clear();
    }

    private GuestInstance instantiate() {
        Instance instance = Instance.builder(module)
                .withMachineFactory(definition.machineFactory())
                .withImportValues(imports)
                .withMemoryFactory(ByteArrayMemory::new)
                .build();
        return new GuestInstance(this, instance);
    }

    private void warnOfMissingGrants() {
        for (var imported : module.importSection().stream().toList()) {
            HostFunction.find(imported.module(), imported.name())
                    .filter(function -> !settings.granted(function.grant()))
                    .ifPresent(function -> LOG.log(Level.WARNING,
                            "wasm module ''{0}'' imports weft.{1} but lacks the ''{2}'' grant; its calls will fail",
                            name(), function.importName(), function.grant().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }
}
