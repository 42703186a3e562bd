package dev.weft.runtime.http;

/** Answers the requests of one route. Generated route classes implement it per method. */
@FunctionalInterface
public interface RouteHandler {

    Response handle(Request request) throws Exception;
}
