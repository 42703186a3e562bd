package dev.weft.runtime.internal.wasm;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.weft.runtime.generated.GuestModule;
import dev.weft.runtime.generated.GuestWork;
import dev.weft.runtime.internal.metrics.ModuleMetrics;
import dev.weft.runtime.internal.server.Deadline;
import dev.weft.runtime.wasm.ModuleBusyException;
import dev.weft.runtime.wasm.WasmCallException;
import dev.weft.runtime.wasm.WasmTimeoutException;
import dev.weft.wasm.abi.GuestAbi;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hosts one module: keeps instances ready so that a request does not pay for instantiation (the
 * paper's cure for cold starts), lends each to one request at a time, and resets it to its fresh
 * state before anyone else gets it, so that nothing of one request is visible to the next.
 *
 * <p>At most {@code max-instances} requests run in the module at once; a further one waits up to
 * {@code acquire-timeout}, then gets a 503. An instance that failed, that grew a shared memory
 * (which cannot be reset in place; a {@link FlatMemory} goes back to its fresh size), or that
 * belongs to a version replaced by a hot reload is discarded.
 */
public final class ModuleHost implements GuestModule {

    private static final System.Logger LOG = System.getLogger("weft.wasm");

    private final String name;
    private final ModuleSettings settings;
    private final List<HostFunction> weftFunctions;
    private final ModuleMetrics metrics;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<GuestInstance> idle = new ConcurrentLinkedDeque<>();
    private volatile ModuleVersion current;
    /** Held while a hot reload checks a new version against the live one and swaps it in. */
    private final ReentrantLock reloading = new ReentrantLock();

    ModuleHost(String name, ModuleVersion version, ModuleSettings settings, MetricsFactory metricsFactory) {
        this(name, version, settings, metricsFactory, true);
    }

    /**
     * @param startNow make the first instance now, and fail here if the module cannot start; else
     *     {@link #prestart} or the first call makes it
     */
    ModuleHost(String name, ModuleVersion version, ModuleSettings settings, MetricsFactory metricsFactory,
            boolean startNow) {
        this(name, version, settings, metricsFactory, startNow, DataImports.none(name));
    }

    /** @param data the module's data imports: its granted databases and key-value stores */
    ModuleHost(String name, ModuleVersion version, ModuleSettings settings, MetricsFactory metricsFactory,
            boolean startNow, DataImports data) {
        this.name = name;
        this.settings = settings;
        this.weftFunctions = new HostImports(name, settings, data).functions();
        this.metrics = metricsFactory.create(name, idle::size);
        this.permits = new Semaphore(settings.maxInstances(), true);
        this.current = version;
        if (startNow) {
            checkMemoryLimit(version);
            // One instance ready before the first request, and proof that the module links and starts.
            idle.push(instantiate(version));
            LOG.log(Level.INFO, "wasm module ''{0}'' ready: {1}", name, version.label());
        }
    }

    /**
     * Makes the first instance ahead of the first call: what the server does once it listens.
     * Nothing when an instance is idle already, or when no permit is free (calls are running,
     * making their own; a stateful module must not get a second instance behind their back).
     */
    void prestart() {
        if (!permits.tryAcquire()) {
            return;
        }
        try {
            if (idle.isEmpty()) {
                idle.push(instantiate(current));
                LOG.log(Level.INFO, "wasm module ''{0}'' ready: {1}", name, current.label());
            }
        } finally {
            permits.release();
        }
    }

    /** Creates the meters of a module; the registry is the server's concern. */
    @FunctionalInterface
    interface MetricsFactory {
        ModuleMetrics create(String module, java.util.function.Supplier<Number> idleInstances);
    }

    @Override
    public String name() {
        return name;
    }

    public ModuleSettings settings() {
        return settings;
    }

    ModuleMetrics metrics() {
        return metrics;
    }

    /**
     * Runs {@code work} on an instance lent for it alone, then gives the instance back, reset, or
     * discards it if the work failed.
     *
     * <p>A module compiled by Weft's build runs on the request's own thread: its loops count down
     * to {@code GuestPoll.poll()}, which stops it when the thread is interrupted (its deadline, the
     * handler timeout) and lets other virtual threads run while it computes. A module compiled at
     * run time (hot reload) checks only for interruption, never yields, so it runs on a guest
     * platform thread (see {@link GuestThreads}) where the operating system shares the cores.
     *
     * <p>The permit (one of {@code max-instances}) is given back once the guest code has really
     * stopped: a request whose handler timed out may return before a guest on a platform thread
     * stops, and must not make room for another one meanwhile.
     */
    @Override
    public <T> T call(GuestWork<T> work) {
        acquire();
        try {
            if (current.yieldsWhileComputing()) {
                return serve(work);
            }
            return GuestThreads.run(name, () -> serve(work), permits::release);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new WasmCallException(name, "call", e.toString(), e);
        }
    }

    /** Holding a permit: an instance, the work, and the instance back. */
    private <T> T serve(GuestWork<T> work) throws Exception {
        GuestInstance guest;
        try {
            guest = lend();
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
        try {
            return work.apply(guest);
        } catch (Exception | Error e) {
            guest.abandon();
            throw e;
        } finally {
            guest.close();
        }
    }

    /** An idle instance of the live version, or a new one (guest code: under the module's deadline). */
    private GuestInstance lend() {
        ModuleVersion version = current;
        for (GuestInstance instance; (instance = idle.pollFirst()) != null; ) {
            if (instance.version() == version) {
                return instance;
            }
            // Left over from a version a hot reload replaced: let it go.
        }
        return instantiate(version);
    }

    private void acquire() {
        if (permits.tryAcquire()) {
            return;
        }
        metrics.poolWait();
        long waitMillis = settings.acquireTimeout().toMillis();
        try {
            if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                metrics.poolRejection();
                throw new ModuleBusyException(name, waitMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WasmCallException(name, "borrow", "interrupted while waiting for an instance", e);
        }
    }

    void giveBack(GuestInstance instance, boolean broken) {
        try {
            if (keep(instance, broken)) {
                idle.offerFirst(instance);
            }
        } finally {
            permits.release();
        }
    }

    /** Whether an instance can serve again: it did not fail, is current, and was reset (unless stateful). */
    private boolean keep(GuestInstance instance, boolean broken) {
        if (broken) {
            LOG.log(Level.DEBUG, "discarding a failed instance of {0}", name);
            return false;
        }
        if (instance.version() != current) {
            return false;
        }
        if (settings.stateful()) {
            // Its memory is its state: grown, it stays grown, and the array it had before can go.
            if (instance.instance().memory() instanceof FlatMemory flat) {
                flat.keepGrowth();
            }
            return true;
        }
        if (instance.version().reset(instance.instance())) {
            return true;
        }
        LOG.log(Level.DEBUG, "replacing an instance of {0} whose memory grew and cannot be reset in place", name);
        return false;
    }

    /**
     * Makes {@code next} the live version, with {@code first} (from {@link #check}) as its first
     * idle instance: requests that hold an instance of the old one finish on it; every later
     * request gets the new one.
     */
    void replace(ModuleVersion next, GuestInstance first) {
        ModuleVersion previous = current;
        current = next;
        idle.offerFirst(first);
        List<GuestInstance> stale = new ArrayList<>();
        for (GuestInstance instance : idle) {
            if (instance.version() != next) {
                stale.add(instance);
            }
        }
        idle.removeAll(stale);
        LOG.log(Level.INFO, "wasm module ''{0}'' replaced: {1} is live, {2} retired",
                name, next.label(), previous.label());
    }

    /** Tries a version without making it live: instantiating it proves that it links and starts. */
    GuestInstance check(ModuleVersion candidate) {
        checkMemoryLimit(candidate);
        return instantiate(candidate);
    }

    /** Idle instances now. */
    public int idleInstances() {
        return idle.size();
    }

    /** Instances lent to requests now. */
    public int instancesInUse() {
        return settings.maxInstances() - permits.availablePermits();
    }

    ReentrantLock reloadLock() {
        return reloading;
    }

    ModuleVersion currentVersion() {
        return current;
    }

    /** The live version: where it came from, its SHA-256 and when it was loaded. */
    public VersionInfo version() {
        ModuleVersion version = current;
        return new VersionInfo(version.label(), version.sha256(), version.loadedAt());
    }

    /** What {@code /wasm/modules} shows of a module's live version. */
    public record VersionInfo(String label, String sha256, Instant loadedAt) {}

    void close() {
        idle.clear();
    }

    /**
     * A new instance, started and primed. Instantiation runs guest code (the start function, the
     * allocator's first use), so it is bounded by the module's {@code timeout} like a call.
     */
    private GuestInstance instantiate(ModuleVersion version) {
        checkMemoryLimit(version);
        MemoryLimits declared = version.declaredLimits();
        ImportValues imports = ImportValues.builder()
                .addFunction(weftFunctions.toArray(HostFunction[]::new))
                .addFunction(GuestWasi.functions(name, settings).toArray(HostFunction[]::new))
                .build();
        Instance instance;
        Deadline deadline = Deadline.in(settings.timeout());
        try (deadline) {
            instance = Instance.builder(version.module())
                    .withMachineFactory(version.machineFactory())
                    .withImportValues(imports)
                    .withMemoryLimits(new MemoryLimits(declared.initialPages(),
                            Math.min(declared.maximumPages(), settings.maxMemoryPages())))
                    .withMemoryFactory(limits -> limits.shared() ? new ByteArrayMemory(limits) : new FlatMemory(limits))
                    .build();
            prime(version, instance);
        } catch (ChicoryInterruptedException e) {
            if (deadline.expired()) {
                throw new WasmTimeoutException(name, "instantiation", settings.timeout().toMillis());
            }
            throw new WasmCallException(name, "instantiation", "interrupted", e);
        }
        version.rememberFreshState(instance);
        metrics.instanceCreated();
        return new GuestInstance(this, version, instance);
    }

    /**
     * Lets the guest's allocator set itself up before the fresh state is taken. An allocator grows
     * memory on its first use, and memory never shrinks: without this, every instance that served
     * a request would be larger than the fresh state and could not be reset, only replaced. The
     * fresh state then holds the allocator's empty heap and nothing of any request.
     */
    private static void prime(ModuleVersion version, Instance instance) {
        if (version.moduleInterface().exportsFunction(GuestAbi.ALLOC) && version.moduleInterface().exportsFunction(GuestAbi.FREE)) {
            long pointer = instance.export(GuestAbi.ALLOC).apply(1)[0];
            instance.export(GuestAbi.FREE).apply(pointer, 1);
        }
    }

    private void checkMemoryLimit(ModuleVersion version) {
        int initial = version.declaredLimits().initialPages();
        if (initial > settings.maxMemoryPages()) {
            throw new IllegalStateException("wasm module '" + name + "' starts with " + initial * 64
                    + " KiB of memory, more than its max-memory of " + settings.maxMemoryBytes() / 1024 + " KiB");
        }
    }
}
