package ${package};

import dev.weft.annotations.Api;
import dev.weft.annotations.Body;
import dev.weft.annotations.Get;
import dev.weft.annotations.PathParam;
import dev.weft.annotations.Post;
import dev.weft.annotations.WasmExport;

/** The routes: Weft's processor generates GreetingApiRoutes (the route table) and GreetingApiWasm. */
@Api
public interface GreetingApi {

    /** Implemented in Java, by {@link Greetings}. */
    @Get("/hello/{name}")
    String hello(@PathParam("name") String name);

    /** The export "shout" of the Rust guest src/main/rust/shout, compiled to bytecode at build time. */
    @Post("/shout")
    @WasmExport(module = "shout")
    String shout(@Body String text);
}
