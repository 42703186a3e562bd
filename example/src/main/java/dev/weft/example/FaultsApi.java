package dev.weft.example;

import dev.weft.annotations.Api;
import dev.weft.annotations.Default;
import dev.weft.annotations.Get;
import dev.weft.annotations.PathParam;
import dev.weft.annotations.QueryParam;
import dev.weft.annotations.WasmExport;
import dev.weft.annotations.validation.Max;
import dev.weft.annotations.validation.Min;

/**
 * Handlers that misbehave on purpose, to show how the module host contains them: each gets a
 * clean problem answer, and the next request is served as if nothing happened.
 */
@Api("/faults")
public interface FaultsApi {

    /** Never returns by itself: stopped at the module's deadline, 504. */
    @Get("/loop")
    @WasmExport(module = "faults", function = "spin")
    int loop();

    /** Executes {@code unreachable}: 500, and the instance is thrown away. */
    @Get("/trap")
    @WasmExport(module = "faults", function = "trap")
    int trap();

    /** Divides with wasm's {@code i32.div_s}: a divisor of 0 traps, 500. */
    @Get("/divide")
    @WasmExport(module = "faults", function = "divide")
    int divide(@QueryParam("dividend") @Default("1") int dividend, @QueryParam("divisor") @Default("0") int divisor);

    /** Loads from past the end of linear memory: an out-of-bounds trap, 500. */
    @Get("/out-of-bounds")
    @WasmExport(module = "faults", function = "out_of_bounds")
    int outOfBounds();

    /** Recurses without end: the call stack runs out, 500. */
    @Get("/recursion")
    @WasmExport(module = "faults", function = "recurse")
    int recursion();

    /** Grows memory by {@code mib} MiB; past the module's max-memory, a 500 that says so. */
    @Get("/oom")
    @WasmExport(module = "faults", function = "grow")
    int oom(@QueryParam("mib") @Default("64") @Min(0) @Max(4096) int mib);

    /** Counts calls in linear memory: always 1, since instances are reset between requests. */
    @Get("/state")
    @WasmExport(module = "faults", function = "counter")
    int state();

    /** The same counter in a module configured stateful: it goes on counting. */
    @Get("/state/stateful")
    @WasmExport(module = "tally", function = "tally")
    int statefulState();

    /**
     * Which version of the module answered, after spinning {@code spin} million times: a request
     * that stays on one version however long it runs (the hot-reload test swaps in version 2).
     */
    @Get("/version/{spin}")
    @WasmExport(module = "faults", function = "version")
    int version(@PathParam("spin") @Min(0) @Max(1_000_000) int spin);

    /** A Java handler that throws: 500, with the stack trace in the log only. */
    @Get("/java")
    String javaFailure();
}
