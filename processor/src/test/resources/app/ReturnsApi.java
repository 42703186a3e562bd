package app;

import dev.weft.annotations.Api;
import dev.weft.annotations.Body;
import dev.weft.annotations.Delete;
import dev.weft.annotations.Get;
import dev.weft.annotations.Post;
import dev.weft.runtime.http.Response;
import java.io.IOException;
import java.util.List;

/** Return types of every supported kind; see Implementations.Returns. */
@Api("/returns")
public interface ReturnsApi {

    @Get("/text")
    String text();

    @Delete("/text")
    void deleteText();

    @Get("/bytes")
    byte[] bytes();

    @Get("/json")
    Item json();

    @Get("/list")
    List<Item> list();

    @Get("/int")
    int number();

    @Get("/double")
    Double ratio();

    @Get("/boolean")
    boolean flag();

    @Post("/response")
    Response created(@Body String name);

    @Get("/checked")
    String checked() throws IOException;
}
