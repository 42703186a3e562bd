package dev.weft.example;

import dev.weft.annotations.Api;
import dev.weft.annotations.Body;
import dev.weft.annotations.Post;
import dev.weft.annotations.WasmExport;
import io.avaje.jsonb.Json;
import java.util.List;

/** JSON in, JSON out, computed by the guest src/main/rust/stats. */
@Api
public interface StatsApi {

    /** Numbers to summarise. */
    @Json
    record Samples(List<Double> values) {}

    /** Their summary. */
    @Json
    record Summary(int count, double sum, double mean, double min, double max) {}

    @Post("/stats")
    @WasmExport(module = "stats")
    Summary stats(@Body Samples samples);
}
