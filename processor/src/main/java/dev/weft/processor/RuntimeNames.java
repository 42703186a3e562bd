package dev.weft.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** The runtime types generated code refers to; the processor does not link against the runtime. */
final class RuntimeNames {

    private static final String HTTP = "dev.weft.runtime.http";
    private static final String WASM = "dev.weft.runtime.wasm";

    static final ClassName REQUEST = ClassName.get(HTTP, "Request");
    static final ClassName RESPONSE = ClassName.get(HTTP, "Response");
    static final ClassName ROUTE = ClassName.get(HTTP, "Route");
    static final ClassName ROUTE_GROUP = ClassName.get(HTTP, "RouteGroup");
    static final ClassName REQUEST_PARAMETERS = ClassName.get(HTTP, "RequestParameters");
    static final ClassName PARAM_CONVERTER = ClassName.get(HTTP, "ParamConverter");
    static final ClassName VIOLATION = ClassName.get(HTTP, "Violation");
    static final ClassName JSON = ClassName.get("dev.weft.runtime.json", "Json");
    static final ClassName GUARD = ClassName.get("dev.weft.runtime.middleware", "Guard");
    static final ClassName GUARDS = ClassName.get("dev.weft.runtime.middleware", "Guards");
    static final ClassName CONFIG = ClassName.get("io.helidon.config", "Config");
    static final ClassName JSON_TYPE = ClassName.get("io.avaje.jsonb", "JsonType");
    static final ClassName MODULE_HOST = ClassName.get(WASM, "ModuleHost");
    static final ClassName WASM_MODULES = ClassName.get(WASM, "WasmModules");
    static final ClassName WASM_MODULE_DEFINITION = ClassName.get(WASM, "WasmModuleDefinition");
    static final ClassName GUEST_BUFFER = ClassName.get(WASM, "GuestBuffer");
    static final ClassName WASM_VALUES = ClassName.get(WASM, "WasmValues");

    static final AnnotationSpec GENERATED = AnnotationSpec.builder(
                    ClassName.get("javax.annotation.processing", "Generated"))
            .addMember("value", "$S", WeftProcessor.class.getName())
            .build();

    private RuntimeNames() {}
}
