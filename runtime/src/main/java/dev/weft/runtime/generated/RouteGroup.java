package dev.weft.runtime.generated;

import dev.weft.annotations.Api;
import java.util.List;

/** A set of routes, as the processor generates one per {@code @Api} interface. */
@FunctionalInterface
public interface RouteGroup {

    List<Route> routes();
}
