package dev.weft.example;

import dev.weft.annotations.Api;
import dev.weft.annotations.Get;
import dev.weft.annotations.WasmExport;
import io.avaje.jsonb.Json;

/**
 * A WASI guest trying to reach the host: files, environment, clocks and randomness. The module
 * has no grant, so it reaches none of them; what it prints lands in the server log. It also reads
 * what every module may: a request header and its own configuration.
 */
@Api("/sandbox")
public interface SandboxApi {

    /** What the probe got. */
    @Json
    record Probe(String file, String env, int variables) {}

    /** The wall clock as the guest read it. */
    @Json
    record Clock(double unixSeconds) {}

    /** The time a monotonic clock measured between two readings. */
    @Json
    record Monotonic(double elapsedNanos) {}

    /** A hash seeded with random bytes. */
    @Json
    record Random(double hash) {}

    /** The request's {@code X-Probe} header and the module's {@code greeting} config value, or null. */
    @Json
    record Context(String header, String greeting) {}

    @Get
    @WasmExport(module = "sandbox", function = "probe")
    Probe probe();

    /** Reading the clock needs the {@code clock} grant, which this module lacks: 500. */
    @Get("/clock")
    @WasmExport(module = "sandbox", function = "clock")
    Clock clock();

    /** The monotonic clock ({@code std::time::Instant}) needs the {@code clock} grant too: 500. */
    @Get("/monotonic")
    @WasmExport(module = "sandbox", function = "monotonic")
    Monotonic monotonic();

    /** Random bytes need the {@code random} grant, which this module lacks: 500. */
    @Get("/random")
    @WasmExport(module = "sandbox", function = "random")
    Random random();

    /** Needs no grant: what the host tells the guest of the request and of its configuration. */
    @Get("/context")
    @WasmExport(module = "sandbox", function = "context")
    Context context();
}
