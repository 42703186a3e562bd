package app;

import dev.weft.annotations.Api;
import dev.weft.annotations.Body;
import dev.weft.annotations.Post;
import dev.weft.annotations.QueryParam;
import dev.weft.annotations.validation.Max;
import dev.weft.annotations.validation.Min;
import dev.weft.annotations.validation.NotBlank;
import dev.weft.annotations.validation.NotNull;
import dev.weft.annotations.validation.Pattern;
import dev.weft.annotations.validation.Size;
import dev.weft.annotations.validation.Valid;
import java.util.List;
import java.util.Optional;

/** Validation annotations on parameters and on the components of a JSON body; see Implementations.Validated. */
@Api("/validated")
public interface ValidatedApi {

    @io.avaje.jsonb.Json
    record Line(@NotBlank String sku, @Min(1) @Max(99) int quantity) {}

    @io.avaje.jsonb.Json
    record Order(@NotBlank @Size(max = 10) String customer, @NotNull @Size(min = 1) @Valid List<Line> lines,
            @Valid Line gift) {}

    @Post("/orders")
    String order(@QueryParam("code") @NotBlank @Size(min = 2, max = 5) String code,
            @QueryParam("tag") @Pattern("[a-z]+") Optional<String> tag, @Body Order order);

    @Post("/lines")
    int lines(@Body List<Line> lines);
}
