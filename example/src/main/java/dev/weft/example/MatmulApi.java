package dev.weft.example;

import dev.weft.annotations.Api;
import dev.weft.annotations.Compute;
import dev.weft.annotations.Default;
import dev.weft.annotations.Get;
import dev.weft.annotations.QueryParam;
import dev.weft.annotations.WasmExport;
import dev.weft.annotations.validation.Max;
import dev.weft.annotations.validation.Min;

/**
 * The paper's workload, one contract served twice in the same server so that the two can be
 * compared side by side: by a Rust guest compiled to bytecode, and by plain Java.
 */
@Api
public interface MatmulApi {

    long MAX_SEED = 4_294_967_295L;

    /** Multiplies in the {@code matmul} guest (src/main/rust/matmul). */
    @Get("/matmul")
    @WasmExport(module = "matmul")
    MatmulResult matmul(
            @QueryParam("n") @Min(1) @Max(5000) int n,
            @QueryParam("seed") @Default("1") @Min(0) @Max(MAX_SEED) long seed);

    /**
     * Multiplies in Java, by the same algorithm; on a compute thread, so that large sizes on every
     * core leave the server's virtual threads free for everything else.
     */
    @Get("/java/matmul")
    @Compute
    MatmulResult javaMatmul(
            @QueryParam("n") @Min(1) @Max(5000) int n,
            @QueryParam("seed") @Default("1") @Min(0) @Max(MAX_SEED) long seed);
}
