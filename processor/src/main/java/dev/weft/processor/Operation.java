package dev.weft.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;

/**
 * One abstract method of an interface: a route when it has an HTTP method, a wasm call when it
 * has a binding, or both.
 *
 * @param httpMethod {@code GET}, {@code POST}…, or null when the method is not a route
 * @param template the route's full path, or null when the method is not a route
 * @param binding the guest export implementing it, or null when Java code implements it
 * @param chain the guards and middleware a request passes before the handler, in order
 * @param validations the checks of the JSON records its body reaches, by record type
 */
record Operation(
        ExecutableElement element,
        String name,
        String httpMethod,
        PathTemplate template,
        List<Param> params,
        ValueType returns,
        WasmBinding binding,
        List<ChainStep> chain,
        Map<ClassName, RecordValidation> validations) {

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
