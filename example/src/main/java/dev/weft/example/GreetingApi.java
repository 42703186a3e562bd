package dev.weft.example;

import dev.weft.annotations.Api;
import dev.weft.annotations.Get;
import dev.weft.annotations.PathParam;

/** A route in plain Java. */
@Api
public interface GreetingApi {

    @Get("/hello/{name}")
    String hello(@PathParam("name") String name);
}
