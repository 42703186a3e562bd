package dev.weft.example;

import dev.weft.annotations.Api;
import dev.weft.annotations.Get;
import dev.weft.annotations.WasmExport;
import dev.weft.annotations.security.Authenticated;
import dev.weft.runtime.http.Principal;
import io.avaje.jsonb.Json;
import java.util.List;

/** Who is calling: answered in Java and, through the {@code principal} host function, in wasm. */
@Api("/me")
@Authenticated
public interface AccountApi {

    /** The principal as a handler sees it. */
    @Json
    record Me(String subject, List<String> roles, String seenBy) {}

    @Get
    Me me(Principal principal);

    @Get("/wasm")
    @WasmExport(module = "whoami")
    Me whoami();
}
