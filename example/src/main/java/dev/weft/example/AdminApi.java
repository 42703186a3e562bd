package dev.weft.example;

import dev.weft.annotations.Api;
import dev.weft.annotations.Get;
import dev.weft.annotations.security.RolesAllowed;
import io.avaje.jsonb.Json;

/** For administrators only: 401 without a token, 403 with one that lacks the role. */
@Api("/admin")
@RolesAllowed("admin")
public interface AdminApi {

    /** A glance at the server. */
    @Json
    record Stats(int orders, long uptimeSeconds, int processors) {}

    @Get("/stats")
    Stats stats();
}
