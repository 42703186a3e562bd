package dev.weft.runtime.generated;


/**
 * A wasm module as generated code calls it: each call borrows an instance for itself alone and
 * gives it back reset (or discards it when the call failed). For generated code; applications get
 * one per module through the generated {@code <Interface>Wasm} classes.
 *
 * <pre>{@code
 * byte[] echoed = echoModule.call(guest -> {
 *     GuestBuffer body = guest.write(bytes);
 *     return guest.takeBytes(guest.call("echo", body.pointer(), body.length())[0]);
 * });
 * }</pre>
 */
public interface GuestModule {

    /** The module's name, as its folder or file named it. */
    String name();

    /**
     * Runs {@code work} on an instance lent to it alone, within the module's limits (instances,
     * memory, deadline).
     *
     * @throws dev.weft.runtime.wasm.ModuleBusyException when no instance came free in time (503)
     * @throws dev.weft.runtime.wasm.WasmTimeoutException when the guest ran past its deadline (504)
     * @throws dev.weft.runtime.wasm.WasmCallException when the guest trapped or its result was unusable (500)
     */
    <T> T call(GuestWork<T> work);

    /** {@link #call} for work whose result does not matter. */
    default void run(GuestWork<?> work) {
        call(work);
    }
}
