package app;

import dev.weft.annotations.Api;
import dev.weft.annotations.Default;
import dev.weft.annotations.Get;
import dev.weft.annotations.HeaderParam;
import dev.weft.annotations.PathParam;
import dev.weft.annotations.QueryParam;
import dev.weft.annotations.validation.Max;
import dev.weft.annotations.validation.Min;
import dev.weft.runtime.http.Request;
import java.util.Optional;

/** Path, query and header parameters of every supported type; Implementations.Params echoes them. */
@Api("/params")
public interface ParamsApi {

    @Get("/path/{i}/{l}/{d}/{b}/{c}")
    String path(@PathParam("i") int i, @PathParam("l") long l, @PathParam("d") double d,
            @PathParam("b") boolean b, @PathParam("c") Color c);

    @Get("/query")
    String query(@QueryParam("n") Integer n, @QueryParam("f") float f, @QueryParam("opt") Optional<Long> opt,
            @QueryParam("color") @Default("GREEN") Color color, @QueryParam("flag") @Default("true") boolean flag);

    @Get("/header")
    String header(@HeaderParam("X-Count") long count, @HeaderParam("X-Name") Optional<String> name,
            @HeaderParam("X-Mode") @Default("fast") String mode);

    @Get("/bounded")
    String bounded(@QueryParam("n") @Min(1) @Max(10) int n, @QueryParam("x") @Min(0) Optional<Double> x,
            @QueryParam("big") @Max(4294967295L) @Default("4294967295") long big);

    @Get("/request/{id}")
    String request(@PathParam("id") String id, Request request);
}
