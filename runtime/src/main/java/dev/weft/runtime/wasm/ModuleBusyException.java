package dev.weft.runtime.wasm;

import dev.weft.runtime.http.HttpException;
import java.util.Map;

/** Every instance of a module stayed busy for the whole acquire timeout: 503 with {@code Retry-After}. */
public final class ModuleBusyException extends HttpException {

    public ModuleBusyException(String module, long waitedMillis) {
        super(503, "the wasm module '" + module + "' is busy: no instance came free within " + waitedMillis + " ms",
                Map.of(), Map.of("Retry-After", "1"), null);
    }
}
