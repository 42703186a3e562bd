package test;

import dev.weft.annotations.Api;
import dev.weft.annotations.Body;
import dev.weft.annotations.Compute;
import dev.weft.annotations.Default;
import dev.weft.annotations.Delete;
import dev.weft.annotations.Get;
import dev.weft.annotations.HeaderParam;
import dev.weft.annotations.PathParam;
import dev.weft.annotations.Post;
import dev.weft.annotations.QueryParam;
import dev.weft.annotations.Use;
import dev.weft.annotations.WasmExport;
import dev.weft.annotations.security.Authenticated;
import dev.weft.annotations.security.RolesAllowed;
import dev.weft.annotations.validation.Max;
import dev.weft.annotations.validation.Min;
import dev.weft.annotations.validation.NotBlank;
import dev.weft.annotations.validation.Pattern;
import dev.weft.annotations.validation.Size;
import dev.weft.runtime.http.Principal;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.middleware.Middleware;
import java.util.List;
import java.util.Optional;

/** One interface using each kind of parameter, return, check and binding once: the input of the golden tests. */
@Api("/shop")
public interface ShopApi {

    enum Sort { NAME, PRICE }

    @io.avaje.jsonb.Json
    record Item(@NotBlank String name, @Min(0) long cents) {}

    final class Audit implements Middleware {
        @Override
        public Response handle(Request request, RouteHandler next) throws Exception {
            return next.handle(request);
        }
    }

    @Get("/items/{id}")
    Item item(@PathParam("id") long id, @HeaderParam("X-Trace") Optional<String> trace);

    @Get("/items")
    List<Item> items(@QueryParam("sort") @Default("NAME") Sort sort,
            @QueryParam("limit") @Min(1) @Max(100) @Default("20") int limit,
            @QueryParam("q") @Size(max = 20) @Pattern("[a-z ]*") Optional<String> query, Request request);

    @Post("/items")
    Response create(@Body Item item);

    @Delete("/items/{id}")
    @RolesAllowed("admin")
    @Use(Audit.class)
    @Compute
    void delete(@PathParam("id") long id);

    @Get("/me")
    @Authenticated
    String me(Principal principal);

    @Get("/count")
    @Compute
    int count();

    @Post("/echo")
    @WasmExport(module = "echo")
    byte[] echo(@Body byte[] body);

    @Post("/shout")
    @WasmExport(module = "echo", function = "echo")
    String shout(@Body String text);

    @Get("/matmul")
    @WasmExport(module = "matmul")
    Item matmul(@QueryParam("n") @Min(1) @Max(5000) int n,
            @QueryParam("seed") @Default("1") @Min(0) @Max(4294967295L) long seed);

    @WasmExport(module = "bare")
    double scale(double value, float factor);
}
