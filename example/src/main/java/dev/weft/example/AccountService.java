package dev.weft.example;

import dev.weft.runtime.http.Principal;
import dev.weft.runtime.wasm.WasmModules;

/** {@code /me} in Java; {@code /me/wasm} is the generated call into the {@code whoami} guest. */
public final class AccountService extends AccountApiWasm {

    public AccountService(WasmModules modules) {
        super(modules);
    }

    @Override
    public Me me(Principal principal) {
        return new Me(principal.subject(), principal.roles(), "java");
    }
}
