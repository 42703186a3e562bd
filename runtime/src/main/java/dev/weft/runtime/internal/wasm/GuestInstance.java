package dev.weft.runtime.internal.wasm;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import dev.weft.runtime.generated.Guest;
import dev.weft.runtime.generated.GuestBuffer;
import dev.weft.runtime.generated.WasmValues;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.internal.metrics.ModuleMetrics.Outcome;
import dev.weft.runtime.internal.server.Deadline;
import dev.weft.runtime.internal.json.JsonCodec;
import dev.weft.runtime.wasm.WasmCallException;
import dev.weft.runtime.wasm.WasmTimeoutException;
import dev.weft.wasm.abi.GuestAbi;
import io.avaje.json.JsonException;
import io.avaje.jsonb.JsonType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of a module, lent to one request by {@link ModuleHost#call}. It moves values in
 * and out of the guest's memory per the guest ABI, bounds each call by the module's deadline, and
 * turns every failure of the guest into an exception. An instance that failed is discarded, never
 * given to another request.
 *
 * <pre>{@code
 * byte[] echoed = echo.call(guest -> {
 *     GuestBuffer body = guest.write(bytes);
 *     return guest.takeBytes(guest.call("echo", body.pointer(), body.length())[0]);
 * });
 * }</pre>
 */
public final class GuestInstance implements Guest {

    private final ModuleHost host;
    private final ModuleVersion version;
    private final Instance instance;
    private final Map<String, ExportFunction> exports = new HashMap<>();
    private final List<GuestBuffer> arguments = new ArrayList<>(2);
    private boolean broken;
    /** How long the last export call took, until it is counted; -1 when there is none. */
    private long pendingExportNanos = -1;

    GuestInstance(ModuleHost host, ModuleVersion version, Instance instance) {
        this.host = host;
        this.version = version;
        this.instance = instance;
    }

    ModuleVersion version() {
        return version;
    }

    Instance instance() {
        return instance;
    }

    /** Calls an export with raw wasm values (see {@link WasmValues}) and returns its raw results. */
    @Override
    public long[] call(String function, long... args) {
        countPendingExportCall(Outcome.OK);
        long started = System.nanoTime();
        long[] results = invoke(function, args, started);
        // Counted once its results are taken, since they may still prove bad (see failedAfterwards).
        pendingExportNanos = System.nanoTime() - started;
        return results;
    }

    /** Calls the guest's allocator: bounded by the deadline like any call, but timed in the metrics only if it fails. */
    private long[] callAllocator(String function, long... args) {
        return invoke(function, args, System.nanoTime());
    }

    private long[] invoke(String function, long[] args, long started) {
        ExportFunction export = exports.computeIfAbsent(function, instance::export);
        Deadline deadline = Deadline.in(host.settings().timeout());
        FlatMemory flat = instance.memory() instanceof FlatMemory memory ? memory : null;
        Object outer = flat == null ? null : LongCalls.started(flat, started);
        try (deadline) {
            return export.apply(args);
        } catch (RuntimeException | StackOverflowError e) {
            broken = true;
            throw failure(function, e, deadline.expired(), System.nanoTime() - started);
        } finally {
            if (flat != null) {
                LongCalls.ended(outer);
            }
        }
    }

    /** What a failed call becomes, counted by how it failed. */
    private RuntimeException failure(String function, Throwable error, boolean timedOut, long nanos) {
        if (error instanceof ChicoryInterruptedException) {
            if (timedOut) {
                host.metrics().call(Outcome.TIMED_OUT, nanos);
                return new WasmTimeoutException(host.name(), function, host.settings().timeout().toMillis());
            }
            // Someone else's deadline, the handler's: it answers for itself.
            host.metrics().call(Outcome.INTERRUPTED, nanos);
            return new WasmCallException(host.name(), function, "interrupted", error);
        }
        if (error instanceof GuestFailure failure) {
            host.metrics().call(Outcome.FAILED, nanos);
            return failure;
        }
        host.metrics().call(Outcome.TRAPPED, nanos);
        if (error instanceof HttpException other) {
            return other;
        }
        return new WasmCallException(host.name(), function, describe(error), error);
    }

    /** Counts the last export call, if it is not counted yet, with how it ended. */
    private void countPendingExportCall(Outcome outcome) {
        if (pendingExportNanos >= 0) {
            host.metrics().call(outcome, pendingExportNanos);
            pendingExportNanos = -1;
        }
    }

    /** The export returned, but what it returned is unusable: the call counts as an error. */
    private WasmCallException failedAfterwards(String reason, Throwable cause) {
        countPendingExportCall(Outcome.ERROR);
        return new WasmCallException(host.name(), "result", reason, cause);
    }

    /** Copies bytes into guest memory for one argument; they are freed when the instance is returned. */
    @Override
    public GuestBuffer write(byte[] bytes) {
        if (bytes.length == 0) {
            return GuestBuffer.EMPTY;
        }
        int pointer = (int) callAllocator(GuestAbi.ALLOC, bytes.length)[0];
        try {
            instance.memory().write(pointer, bytes);
        } catch (RuntimeException e) {
            // Found by GuestAbiFuzzTest: Chicory's own exception escaped, and the instance stayed in the pool.
            broken = true;
            throw new WasmCallException(host.name(), GuestAbi.ALLOC, "returned a buffer outside its memory", e);
        }
        GuestBuffer buffer = new GuestBuffer(pointer, bytes.length);
        arguments.add(buffer);
        return buffer;
    }

    @Override
    public GuestBuffer writeText(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public <T> GuestBuffer writeJson(JsonType<T> type, T value) {
        return write(JsonCodec.write(type, value));
    }

    /** Copies a packed byte-like result out of the guest and frees it there. */
    @Override
    public byte[] takeBytes(long packed) {
        int pointer = GuestAbi.packedPointer(packed);
        int length = GuestAbi.packedLength(packed);
        if (length == 0) {
            return new byte[0];
        }
        if (length < 0) {
            broken = true;
            throw failedAfterwards("returned a length over 2 GiB", null);
        }
        byte[] bytes;
        try {
            bytes = instance.memory().readBytes(pointer, length);
        } catch (RuntimeException e) {
            broken = true;
            throw failedAfterwards("returned a buffer outside its memory", e);
        }
        callAllocator(GuestAbi.FREE, pointer, length);
        return bytes;
    }

    @Override
    public String takeText(long packed) {
        return new String(takeBytes(packed), StandardCharsets.UTF_8);
    }

    /** Parses a packed JSON result; JSON the Java type cannot take is the guest's fault, a 500. */
    @Override
    public <T> T takeJson(long packed, JsonType<T> type) {
        byte[] json = takeBytes(packed);
        String structure = JsonCodec.structureProblem(json);
        if (structure != null) {
            // Checked before parsing, as request bodies are: avaje's reader would overflow the
            // stack on deep JSON (an Error, not a failed call) and took some unmatched brackets.
            throw failedAfterwards(JsonCodec.isTooDeep(structure)
                    ? "returned JSON nested more than " + JsonCodec.MAX_DEPTH + " levels deep"
                    : "returned malformed JSON: " + structure, null);
        }
        try {
            return type.fromJson(json);
        } catch (JsonException e) {
            throw failedAfterwards("returned JSON that does not fit: " + e.getMessage(), e);
        }
    }

    String moduleName() {
        return host.name();
    }

    /** Marks the instance unusable: the work with it failed, and may have left it half-way. */
    void abandon() {
        broken = true;
    }

    /** Frees this request's arguments and gives the instance back, or discards it if it failed. */
    void close() {
        countPendingExportCall(Outcome.OK);
        if (!broken) {
            try {
                for (GuestBuffer argument : arguments) {
                    callAllocator(GuestAbi.FREE, argument.pointer(), argument.length());
                }
            } catch (RuntimeException e) {
                broken = true;
            }
        }
        arguments.clear();
        host.giveBack(this, broken);
    }

    private String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "call stack exhausted";
        }
        if (e instanceof WasiExitException exit) {
            return "the guest exited with code " + exit.exitCode();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        var memory = instance.memory();
        return memory == null ? message
                : message + " (memory " + memory.pages() + " of at most " + host.settings().maxMemoryPages() + " pages)";
    }
}
