package dev.weft.example;

import dev.weft.annotations.Api;
import dev.weft.annotations.Body;
import dev.weft.annotations.Post;
import dev.weft.annotations.WasmExport;

/** Bytes into a guest and back: the request body returned byte for byte by src/main/rust/echo. */
@Api
public interface EchoApi {

    @Post("/echo")
    @WasmExport(module = "echo")
    byte[] echo(@Body byte[] body);
}
