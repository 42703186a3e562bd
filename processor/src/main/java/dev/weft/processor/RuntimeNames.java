package dev.weft.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** The runtime types generated code refers to; the processor does not link against the runtime. */
final class RuntimeNames {

    private static final String HTTP = "dev.weft.runtime.http";
    /** Helpers only generated code calls: javadoc there says "for generated code". */
    private static final String GENERATED_SUPPORT = "dev.weft.runtime.generated";

    static final ClassName REQUEST = ClassName.get(HTTP, "Request");
    static final ClassName RESPONSE = ClassName.get(HTTP, "Response");
    static final ClassName VIOLATION = ClassName.get(HTTP, "Violation");
    static final ClassName ROUTE = ClassName.get(GENERATED_SUPPORT, "Route");
    static final ClassName ROUTE_GROUP = ClassName.get(GENERATED_SUPPORT, "RouteGroup");
    static final ClassName REQUEST_PARAMETERS = ClassName.get(GENERATED_SUPPORT, "RequestParameters");
    static final ClassName PARAM_CONVERTER = ClassName.get(GENERATED_SUPPORT, "ParamConverter");
    static final ClassName JSON_TYPES = ClassName.get("dev.weft.runtime.json", "JsonTypes");
    static final ClassName COMPUTE = ClassName.get(GENERATED_SUPPORT, "Compute");
    static final ClassName JSON_BODIES = ClassName.get(GENERATED_SUPPORT, "JsonBodies");
    static final ClassName GUARD = ClassName.get("dev.weft.runtime.middleware", "Guard");
    static final ClassName GUARDS = ClassName.get(GENERATED_SUPPORT, "Guards");
    static final ClassName CONFIG = ClassName.get("dev.weft.runtime", "WeftConfig");
    static final ClassName JSON_TYPE = ClassName.get("io.avaje.jsonb", "JsonType");
    static final ClassName GUEST_MODULE = ClassName.get(GENERATED_SUPPORT, "GuestModule");
    static final ClassName WASM_MODULES = ClassName.get("dev.weft.runtime.wasm", "WasmModules");
    static final ClassName WASM_MODULE_DEFINITION = ClassName.get(GENERATED_SUPPORT, "WasmModuleDefinition");
    static final ClassName GUEST_BUFFER = ClassName.get(GENERATED_SUPPORT, "GuestBuffer");
    static final ClassName WASM_VALUES = ClassName.get(GENERATED_SUPPORT, "WasmValues");

    static final AnnotationSpec GENERATED = AnnotationSpec.builder(
                    ClassName.get("javax.annotation.processing", "Generated"))
            .addMember("value", "$S", WeftProcessor.class.getName())
            .build();

    private RuntimeNames() {}
}
