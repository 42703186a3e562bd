package app;

import dev.weft.annotations.Api;
import dev.weft.annotations.Body;
import dev.weft.annotations.Patch;
import dev.weft.annotations.Post;
import dev.weft.annotations.Put;
import dev.weft.annotations.QueryParam;
import java.util.List;

/** Request bodies of every supported type; see Implementations.Bodies. */
@Api("/bodies")
public interface BodiesApi {

    @Post("/bytes")
    byte[] bytes(@Body byte[] body);

    @Post("/text")
    String text(@Body String text);

    @Put("/item")
    Item item(@Body Item item);

    @Post("/items")
    int count(@Body List<Item> items);

    @Patch("/checked")
    String checked(@QueryParam("n") int n, @Body Item item);
}
