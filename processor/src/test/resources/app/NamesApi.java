package app;

import dev.weft.annotations.Api;
import dev.weft.annotations.Get;
import dev.weft.annotations.PathParam;
import dev.weft.annotations.QueryParam;
import dev.weft.runtime.http.Request;
import java.util.Optional;

/** Names that could trip the generated code: parameters named like its locals, unnamed annotations. */
@Api("names")
public interface NamesApi {

    @Get("/{request}")
    String collide(@PathParam("request") String request, @QueryParam("params") String params, Request original);

    @Get("/by-name/{slug}")
    String byName(@PathParam String slug, @QueryParam Optional<Integer> page);
}
