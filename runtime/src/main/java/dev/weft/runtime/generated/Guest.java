package dev.weft.runtime.generated;

import io.avaje.jsonb.JsonType;

/**
 * An instance of a wasm module lent to one call of {@link GuestModule#call}: calls its exports and
 * moves values in and out of its memory per the guest ABI (docs/guest-abi.md). For generated code.
 */
public interface Guest {

    /** Calls an export with raw wasm values (see {@link WasmValues}) and returns its raw results. */
    long[] call(String function, long... args);

    /** Copies bytes into guest memory for one argument; they are freed when the call ends. */
    GuestBuffer write(byte[] bytes);

    /** {@link #write} of the text's UTF-8 bytes. */
    GuestBuffer writeText(String text);

    /** {@link #write} of the value as JSON. */
    <T> GuestBuffer writeJson(JsonType<T> type, T value);

    /** Copies a packed {@code (pointer, length)} result out of the guest and frees it there. */
    byte[] takeBytes(long packed);

    /** {@link #takeBytes} decoded as UTF-8. */
    String takeText(long packed);

    /** {@link #takeBytes} parsed as JSON; JSON that does not fit the type is the guest's fault (500). */
    <T> T takeJson(long packed, JsonType<T> type);
}
