package dev.weft.runtime.wasm;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.json.Json;
import dev.weft.wasm.abi.GuestAbi;
import io.avaje.json.JsonException;
import io.avaje.jsonb.JsonType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of a module, borrowed from its {@link ModuleHost} for one request and given back
 * by {@link #close()}. It moves values in and out of the guest's memory per the guest ABI and
 * turns every failure of the guest into an exception; an instance that failed is discarded, never
 * given to another request.
 *
 * <pre>{@code
 * try (GuestInstance guest = echo.borrow()) {
 *     GuestBuffer body = guest.write(bytes);
 *     return guest.takeBytes(guest.call("echo", body.pointer(), body.length())[0]);
 * }
 * }</pre>
 */
public final class GuestInstance implements AutoCloseable {

    private final ModuleHost host;
    private final Instance instance;
    private final Map<String, ExportFunction> exports = new HashMap<>();
    private final List<GuestBuffer> arguments = new ArrayList<>(2);
    private boolean broken;

    GuestInstance(ModuleHost host, Instance instance) {
        this.host = host;
        this.instance = instance;
    }

    /** Calls an export with raw wasm values (see {@link WasmValues}) and returns its raw results. */
    public long[] call(String function, long... args) {
        ExportFunction export = exports.computeIfAbsent(function, instance::export);
        try {
            return export.apply(args);
        } catch (HttpException e) {
            // weft.fail: the guest chose the answer, but its stack was not unwound, so it is done.
            broken = true;
            throw e;
        } catch (HostFunctions.MissingGrantException e) {
            broken = true;
            throw new WasmCallException(host.name(), function, e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            broken = true;
            throw new WasmCallException(host.name(), function, describe(e), e);
        }
    }

    /** Copies bytes into guest memory for one argument; they are freed when the instance is returned. */
    public GuestBuffer write(byte[] bytes) {
        if (bytes.length == 0) {
            return GuestBuffer.EMPTY;
        }
        int pointer = (int) call(GuestAbi.ALLOC, bytes.length)[0];
        instance.memory().write(pointer, bytes);
        GuestBuffer buffer = new GuestBuffer(pointer, bytes.length);
        arguments.add(buffer);
        return buffer;
    }

    public GuestBuffer writeText(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    public <T> GuestBuffer writeJson(JsonType<T> type, T value) {
        return write(Json.write(type, value));
    }

    /** Copies a packed byte-like result out of the guest and frees it there. */
    public byte[] takeBytes(long packed) {
        int pointer = GuestAbi.packedPointer(packed);
        int length = GuestAbi.packedLength(packed);
        if (length == 0) {
            return new byte[0];
        }
        if (length < 0) {
            broken = true;
            throw new WasmCallException(host.name(), "result", "returned a length over 2 GiB", null);
        }
        byte[] bytes;
        try {
            bytes = instance.memory().readBytes(pointer, length);
        } catch (RuntimeException e) {
            broken = true;
            throw new WasmCallException(host.name(), "result", "returned a buffer outside its memory", e);
        }
        call(GuestAbi.FREE, pointer, length);
        return bytes;
    }

    public String takeText(long packed) {
        return new String(takeBytes(packed), StandardCharsets.UTF_8);
    }

    /** Parses a packed JSON result; JSON the Java type cannot take is the guest's fault, a 500. */
    public <T> T takeJson(long packed, JsonType<T> type) {
        byte[] json = takeBytes(packed);
        try {
            return type.fromJson(json);
        } catch (JsonException e) {
            throw new WasmCallException(host.name(), "result", "returned JSON that does not fit: " + e.getMessage(), e);
        }
    }

    /** Frees this request's arguments and gives the instance back, or discards it if it failed. */
    @Override
    public void close() {
        if (!broken) {
            try {
                for (GuestBuffer argument : arguments) {
                    call(GuestAbi.FREE, argument.pointer(), argument.length());
                }
            } catch (RuntimeException e) {
                broken = true;
            }
        }
        arguments.clear();
        host.giveBack(this, broken);
    }

    private static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "call stack exhausted";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
