package dev.weft.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One abstract method of an interface: a route when it has an HTTP method, a wasm call when it
 * has a binding, or both.
 *
 * @param httpMethod {@code GET}, {@code POST}…, or null when the method is not a route
 * @param template the route's full path, or null when the method is not a route
 * @param binding the guest export implementing it, or null when Java code implements it
 */
record Operation(
        ExecutableElement element,
        String name,
        String httpMethod,
        PathTemplate template,
        List<Param> params,
        ValueType returns,
        WasmBinding binding) {

    boolean isRoute() {
        return httpMethod != null;
    }

    boolean isBound() {
        return binding != null;
    }

    /** {@code GET /matmul}, for messages. */
    String route() {
        return httpMethod + " " + template.text();
    }
}
