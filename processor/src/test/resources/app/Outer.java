package app;

import dev.weft.annotations.Api;
import dev.weft.annotations.Get;

public final class Outer {

    private Outer() {}

    /** A nested interface: its routes are generated as Outer_InnerApiRoutes. */
    @Api("/nested")
    public interface InnerApi {

        @Get("/ping")
        String ping();
    }
}
