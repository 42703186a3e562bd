package dev.weft.bench.jmh;

import dev.weft.annotations.WasmExport;

/**
 * The trivial export of the two benchmark modules, bound as an application binds its handlers:
 * the processor generates {@code NoopApiWasm}, whose methods call {@code GuestModule.call}.
 * {@link JavaNoop} implements the same interface in Java, for the baseline.
 */
public interface NoopApi {

    /** {@code noop() -> i32} of src/main/wasm/small.wat: 1 MiB of linear memory. */
    @WasmExport(module = "small", function = "noop")
    int small();

    /** {@code noop() -> i32} of src/main/wasm/large.wat: 64 MiB of linear memory. */
    @WasmExport(module = "large", function = "noop")
    int large();
}
