package dev.weft.example;

import dev.weft.annotations.Api;
import dev.weft.annotations.Get;
import dev.weft.annotations.WasmExport;
import io.avaje.jsonb.Json;

/**
 * The benchmark's small endpoints (bench/README.md), each served twice like the matrix
 * multiplication: by a wasm guest at the root, by Java under {@code /java}.
 */
@Api
public interface BenchmarkApi {

    /** TechEmpower's JSON test body. */
    @Json
    record Message(String message) {}

    @Get("/hello")
    @WasmExport(module = "hello")
    String hello();

    @Get("/json")
    @WasmExport(module = "json")
    Message json();

    @Get("/java/hello")
    String javaHello();

    @Get("/java/json")
    Message javaJson();
}
