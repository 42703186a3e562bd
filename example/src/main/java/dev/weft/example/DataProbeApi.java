package dev.weft.example;

import dev.weft.annotations.Api;
import dev.weft.annotations.Get;
import dev.weft.annotations.PathParam;
import dev.weft.annotations.WasmExport;
import dev.weft.annotations.validation.Size;
import io.avaje.jsonb.Json;

/**
 * Guests on the data layer: page visits counted in a key-value store, and the two ways a guest's
 * data call is refused (no grant; a statement past the module's deadline).
 */
@Api
public interface DataProbeApi {

    /** A page's visits so far, this one included. */
    @Json
    record Visits(String page, long count) {}

    /** What {@code /data-probe/slow} would count, if its deadline let it. */
    @Json
    record Count(long n) {}

    /** Counts a visit of {@code page} (an atomic increment in the {@code visits} store). */
    @Get("/visits/{page}")
    @WasmExport(module = "visits", function = "visit")
    Visits visit(@PathParam("page") @Size(min = 1, max = 128) String page);

    /** The visits guest asks for the orders database, which it is not granted: 403. */
    @Get("/data-probe/denied")
    @WasmExport(module = "visits", function = "denied")
    Visits denied();

    /** The ledger guest runs a statement longer than its module's timeout: cancelled, 504. */
    @Get("/data-probe/slow")
    @WasmExport(module = "ledger", function = "slow")
    Count slow();
}
