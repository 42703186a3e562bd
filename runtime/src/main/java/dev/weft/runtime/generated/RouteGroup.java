package dev.weft.runtime.generated;

import java.util.List;

/** A set of routes, as the processor generates one per {@code @Api} interface. */
@FunctionalInterface
public interface RouteGroup {

    List<Route> routes();
}
