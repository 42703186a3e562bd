package dev.weft.example;

import dev.weft.annotations.Api;
import dev.weft.annotations.Get;
import dev.weft.annotations.WasmExport;
import io.avaje.jsonb.Json;

/**
 * A WASI guest trying to reach the host: files, environment and clock. The module has no grant,
 * so it reaches none of them; what it prints lands in the server log.
 */
@Api("/sandbox")
public interface SandboxApi {

    /** What the probe got. */
    @Json
    record Probe(String file, String env, int variables) {}

    /** The wall clock as the guest read it. */
    @Json
    record Clock(double unixSeconds) {}

    @Get
    @WasmExport(module = "sandbox", function = "probe")
    Probe probe();

    /** Reading the clock needs the {@code clock} grant, which this module lacks: 500. */
    @Get("/clock")
    @WasmExport(module = "sandbox", function = "clock")
    Clock clock();
}
