package dev.weft.runtime.internal.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.weft.wasm.abi.ModuleInterface;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One version of a module: its parsed metadata, the factory of its compiled code, and, once the
 * first instance exists, the image of a fresh instance (memory and globals) that resetting
 * restores. The build's version comes from the application's classes; a hot reload makes another.
 */
final class ModuleVersion {

    private final String label;
    private final String sha256;
    private final Instant loadedAt = Instant.now();
    private Supplier<WasmModule> source;
    private volatile WasmModule module;
    private volatile ModuleInterface moduleInterface;
    private final Function<Instance, Machine> machineFactory;
    private final boolean yieldsWhileComputing;
    private volatile FreshState fresh;

    /** A version parsed already, whose compiled code checks only for interruption (hot reload, tests). */
    ModuleVersion(String label, String sha256, WasmModule module, Function<Instance, Machine> machineFactory) {
        this(label, sha256, () -> module, machineFactory, false);
    }

    /**
     * @param module its metadata, read when first needed (by the first instance, in the background
     *     once the server listens): parsing it is a good share of start-up on a small CPU
     * @param yieldsWhileComputing whether its code was compiled by Weft's build, whose loops call
     *     {@code GuestPoll.poll()}: it may then run on the request's virtual thread
     */
    ModuleVersion(String label, String sha256, Supplier<WasmModule> module, Function<Instance, Machine> machineFactory,
            boolean yieldsWhileComputing) {
        this.label = label;
        this.sha256 = sha256;
        this.source = module;
        this.machineFactory = machineFactory;
        this.yieldsWhileComputing = yieldsWhileComputing;
    }

    boolean yieldsWhileComputing() {
        return yieldsWhileComputing;
    }

    String label() {
        return label;
    }

    String sha256() {
        return sha256;
    }

    Instant loadedAt() {
        return loadedAt;
    }

    WasmModule module() {
        WasmModule parsed = module;
        if (parsed == null) {
            synchronized (this) {
                if (module == null) {
                    module = source.get();
                    source = null;
                }
                parsed = module;
            }
        }
        return parsed;
    }

    Function<Instance, Machine> machineFactory() {
        return machineFactory;
    }

    /** Its exports and imports, as the build recorded them and a reload must keep them. */
    ModuleInterface moduleInterface() {
        ModuleInterface read = moduleInterface;
        if (read == null) {
            read = ModuleInterface.read(module());
            moduleInterface = read;
        }
        return read;
    }

    /** The pages the module's memory starts with, and at most may have (its own declaration). */
    MemoryLimits declaredLimits() {
        return module().memorySection()
                .filter(section -> section.memoryCount() > 0)
                .map(section -> section.getMemory(0).limits())
                .orElse(new MemoryLimits(0, 0));
    }

    /**
     * Records what a just-created instance looks like, once per version. A later instance is put
     * in that state now: it should be in it already, but its memory may have grown on the way (the
     * allocator's first use), and only a restore rebases a grown memory on the snapshot, so that
     * its later resets can take it back to the fresh size.
     */
    void rememberFreshState(Instance instance) {
        if (fresh == null) {
            synchronized (this) {
                if (fresh == null) {
                    fresh = FreshState.of(instance);
                    return;
                }
            }
        }
        fresh.restore(instance);
    }

    /**
     * Puts an instance back as it was when created, a grown {@link FlatMemory} back to its fresh
     * size. False when that cannot be done in place (another memory that grew): the instance must
     * then be replaced.
     */
    boolean reset(Instance instance) {
        return fresh != null && fresh.restore(instance);
    }

    /**
     * The memory bytes and global values of a fresh instance. A {@link FlatMemory} keeps its
     * snapshot and restores only the pages written since (going back to its fresh size if it
     * grew); another memory is copied in full.
     */
    private record FreshState(int pages, byte[] memory, FlatMemory.Snapshot flat, long[] globals) {

        static FreshState of(Instance instance) {
            Memory memory = instance.memory();
            int pages = memory == null ? 0 : memory.pages();
            FlatMemory.Snapshot flat = memory instanceof FlatMemory f ? f.snapshot() : null;
            byte[] image = memory == null || flat != null ? new byte[0] : memory.readBytes(0, pages * Memory.PAGE_SIZE);
            long[] globals = new long[instance.globalCount()];
            for (int i = 0; i < globals.length; i++) {
                globals[i] = instance.global(i).getValue();
            }
            return new FreshState(pages, image, flat, globals);
        }

        boolean restore(Instance instance) {
            Memory memory = instance.memory();
            if (memory != null) {
                if (flat != null) {
                    // A FlatMemory that grew goes back to its fresh size; false only for a memory
                    // that is not this version's.
                    if (!((FlatMemory) memory).restore(flat)) {
                        return false;
                    }
                } else if (memory.pages() != pages) {
                    return false;
                } else {
                    memory.write(0, this.memory);
                }
            }
            for (int i = 0; i < globals.length; i++) {
                if (instance.global(i).getValue() != globals[i]) {
                    instance.global(i).setValue(globals[i]);
                }
            }
            return true;
        }
    }
}
