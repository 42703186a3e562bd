package dev.weft.runtime.wasm;

import dev.weft.runtime.http.HttpException;

/** A call into a guest ran past its module's deadline and was stopped: 504. */
public final class WasmTimeoutException extends HttpException {

    public WasmTimeoutException(String module, String function, long millis) {
        super(504, "the wasm module '" + module + "' did not finish '" + function + "' within " + millis + " ms");
    }
}
