package dev.weft.example;

import dev.weft.annotations.Api;
import dev.weft.annotations.Body;
import dev.weft.annotations.Default;
import dev.weft.annotations.Get;
import dev.weft.annotations.PathParam;
import dev.weft.annotations.Post;
import dev.weft.annotations.QueryParam;
import dev.weft.annotations.Use;
import dev.weft.annotations.WasmExport;
import dev.weft.annotations.security.Authenticated;
import dev.weft.annotations.validation.Max;
import dev.weft.annotations.validation.Min;
import dev.weft.annotations.validation.NotBlank;
import dev.weft.annotations.validation.NotNull;
import dev.weft.annotations.validation.Size;
import dev.weft.runtime.http.Principal;
import dev.weft.runtime.http.Response;
import io.avaje.jsonb.Json;
import java.util.List;

/** Orders of authenticated users, validated on the way in, timed by the application's own middleware. */
@Api("/orders")
@Authenticated
@Use(ServerTiming.class)
public interface OrdersApi {

    /** What a client sends to order; an Integer, so that a missing quantity says "is required" rather than 0. */
    @Json
    record NewOrder(@NotBlank @Size(min = 1, max = 64) String item, @NotNull @Min(1) @Max(1000) Integer quantity) {}

    /** An order as stored. */
    @Json
    record Order(long id, String item, int quantity, String owner) {}

    /** How many orders there are, and how many items they order in all. */
    @Json
    record Summary(long count, long quantity) {}

    /** Orders, newest first. */
    @Json
    record OrderList(List<Order> orders) {}

    /** Stores the order and answers 201 with it and its {@code Location}. */
    @Post
    Response create(@Body NewOrder order, Principal principal);

    /** One order; 404 when there is none with this id. */
    @Get("/{id}")
    Order find(@PathParam("id") long id);

    /** Answered by the Rust guest {@code ledger} through the SQL host API. */
    @Get("/summary")
    @WasmExport(module = "ledger", function = "summary")
    Summary summary();

    /** The same summary, the same SQL, from Java: what bench/data.sh compares the guest with. */
    @Get("/summary/java")
    Summary javaSummary();

    /** The newest orders first, at most {@code limit}. */
    @Get
    OrderList newest(@QueryParam("limit") @Default("20") @Min(1) @Max(1000) int limit);
}
