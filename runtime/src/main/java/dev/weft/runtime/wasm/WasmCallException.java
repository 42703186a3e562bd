package dev.weft.runtime.wasm;

/**
 * A call into a guest failed on the guest's side: a trap, stack exhaustion, a host function it
 * may not use. The request answers 500; the message is for the server log, not for the client.
 */
public final class WasmCallException extends RuntimeException {

    private final String module;
    private final String function;

    public WasmCallException(String module, String function, String reason, Throwable cause) {
        super("wasm module '" + module + "' failed in '" + function + "': " + reason, cause);
        this.module = module;
        this.function = function;
    }

    public String module() {
        return module;
    }

    public String function() {
        return function;
    }
}
