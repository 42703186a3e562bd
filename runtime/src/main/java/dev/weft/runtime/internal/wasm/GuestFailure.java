package dev.weft.runtime.internal.wasm;

import dev.weft.runtime.http.HttpException;

/** A guest ended its request on purpose through the {@code weft.fail} host function. */
public final class GuestFailure extends HttpException {

    GuestFailure(int status, String detail) {
        super(status, detail);
    }
}
