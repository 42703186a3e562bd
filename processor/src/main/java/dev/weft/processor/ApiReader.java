package dev.weft.processor;

import com.palantir.javapoet.ClassName;
import dev.weft.annotations.Api;
import dev.weft.annotations.Body;
import dev.weft.annotations.Default;
import dev.weft.annotations.Delete;
import dev.weft.annotations.Get;
import dev.weft.annotations.HeaderParam;
import dev.weft.annotations.Patch;
import dev.weft.annotations.PathParam;
import dev.weft.annotations.Post;
import dev.weft.annotations.Put;
import dev.weft.annotations.QueryParam;
import dev.weft.annotations.Use;
import dev.weft.annotations.WasmExport;
import dev.weft.annotations.security.Authenticated;
import dev.weft.annotations.security.RolesAllowed;
import dev.weft.processor.Param.Source;
import dev.weft.processor.PathTemplate.InvalidTemplateException;
import dev.weft.processor.ValidationReport.Checked;
import dev.weft.processor.ValueType.Kind;
import dev.weft.wasm.abi.GuestAbi;
import dev.weft.wasm.abi.ModuleManifest;
import dev.weft.wasm.abi.WasmSignature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads an annotated interface into an {@link ApiInterface}, reporting every mistake as a compile
 * error on the element that causes it. An interface whose report is not clean gets no generated
 * code, so that no generated code adds errors of its own.
 */
final class ApiReader {

    /** The server's own routes (the runtime's HealthRoutes): a route of the application cannot have them. */
    static final List<String> RESERVED_PATHS = List.of("/health", "/metrics");

    /** The name that silences the warning about a Principal parameter of a route open to anonymous requests. */
    static final String ANONYMOUS_PRINCIPAL = "weft:anonymous-principal";

    private final Elements elements;
    private final TypeClassifier classifier;
    private final ModuleManifests manifests;
    private final ChainReader chains;
    private final ConstraintReader constraints;

    ApiReader(Elements elements, Types types, TypeClassifier classifier, ModuleManifests manifests) {
        this.elements = elements;
        this.classifier = classifier;
        this.manifests = manifests;
        this.chains = new ChainReader(elements, types);
        this.constraints = new ConstraintReader(elements, types, classifier);
    }

    /** The interface and the report of its mistakes; nothing when it is not an interface. */
    Checked<ApiInterface> read(TypeElement type) {
        ValidationReport report = ValidationReport.about(type);
        if (type.getKind() != ElementKind.INTERFACE) {
            report.error("@Api and @WasmExport belong on interfaces; " + type.getSimpleName() + " is a "
                    + type.getKind().toString().toLowerCase(Locale.ROOT));
            return report.withNothing();
        }
        Api api = type.getAnnotation(Api.class);
        String prefix = api == null ? "" : api.value();
        List<Operation> operations = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (isAbstractInterfaceMethod(method)) {
                Operation operation = report.include(readMethod(type, method, api != null, prefix));
                if (operation != null) {
                    operations.add(operation);
                }
            }
        }
        return report.with(new ApiInterface(type, ClassName.get(type), api != null, List.copyOf(operations)));
    }

    private static boolean isAbstractInterfaceMethod(ExecutableElement method) {
        Element owner = method.getEnclosingElement();
        return method.getModifiers().contains(Modifier.ABSTRACT)
                && owner.getKind() == ElementKind.INTERFACE;
    }

    /**
     * The operation, with the report of the method's mistakes; nothing when a mistake leaves no
     * operation to describe.
     *
     * @param api the interface, whose {@code @Use} and security annotations apply to the method
     * @param isApi whether the interface is annotated {@code @Api}
     * @param prefix the {@code @Api} path prefix
     */
    private Checked<Operation> readMethod(TypeElement api, ExecutableElement method, boolean isApi, String prefix) {
        ValidationReport report = ValidationReport.about(method);
        String name = method.getSimpleName().toString();
        Map<String, String> httpMethods = httpMethods(method);
        WasmExport export = method.getAnnotation(WasmExport.class);
        if (httpMethods.size() > 1) {
            report.error(describe(method) + " has more than one HTTP method: " + String.join(", ", httpMethods.keySet()));
            return report.withNothing();
        }
        if (!isApi && !httpMethods.isEmpty()) {
            report.error(describe(method) + " is a route, but its interface lacks @Api");
            return report.withNothing();
        }
        if (isApi && httpMethods.isEmpty() && export == null) {
            report.error(describe(method) + " needs a route annotation (@Get, @Post, @Put, @Delete or @Patch)"
                    + " or a @WasmExport binding");
            return report.withNothing();
        }
        if (httpMethods.isEmpty() && export == null) {
            // left to Java, in an interface without @Api: nothing of it crosses HTTP or into a guest
            if (hasSecurityOrUse(method)) {
                report.error(describe(method) + " is not a route: @Use, @Authenticated and @RolesAllowed apply to routes");
                return report.withNothing();
            }
            return report.with(new Operation(method, name, null, null, List.of(),
                    classifier.classify(method.getReturnType()), null, List.of(), Map.of()));
        }
        if (!method.getTypeParameters().isEmpty()) {
            report.error(describe(method) + " is generic; routes and wasm bindings cannot be");
            return report.withNothing();
        }
        String httpMethod = null;
        PathTemplate template = null;
        if (!httpMethods.isEmpty()) {
            Map.Entry<String, String> only = httpMethods.entrySet().iterator().next();
            httpMethod = only.getKey();
            try {
                template = PathTemplate.of(prefix, only.getValue());
            } catch (InvalidTemplateException e) {
                report.error(describe(method) + ": " + e.getMessage());
                return report.withNothing();
            }
            if (RESERVED_PATHS.contains(template.text())) {
                report.error(describe(method) + ": path '" + template.text() + "' is the server's own ("
                        + String.join(" and ", RESERVED_PATHS) + " are reserved); choose another");
                return report.withNothing();
            }
        }
        boolean isRoute = httpMethod != null;
        List<Param> params = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            Param param = report.include(readParam(method, parameter, isRoute));
            if (param != null) {
                params.add(param);
            }
        }
        ValueType returns = classifier.classify(method.getReturnType());
        List<ChainStep> chain = List.of();
        Map<ClassName, RecordValidation> validations = new LinkedHashMap<>();
        if (isRoute) {
            checkPathVariables(report, method, template, params, params.size() == method.getParameters().size());
            checkRouteReturn(report, method, returns);
            Checked<List<ChainStep>> steps = chains.read(api, method);
            report.addSubreport(steps.report());
            if (steps.isClean()) {
                chain = steps.value();
                warnOfAnonymousPrincipal(report, method, params, chain);
            }
            for (Param param : params) {
                if (param.source() == Source.BODY && (param.type().kind() == Kind.JSON || param.type().kind() == Kind.JSON_LIST)) {
                    TypeMirror record = param.type().kind() == Kind.JSON ? param.type().type()
                            : ((DeclaredType) param.type().type()).getTypeArguments().get(0);
                    validations.putAll(report.include(constraints.forRecord(record)));
                }
            }
        } else if (hasSecurityOrUse(method)) {
            report.error(describe(method) + " is not a route: @Use, @Authenticated and @RolesAllowed apply to routes");
        }
        if (!report.isClean()) {
            // a binding is checked against the guest only once the Java side is right
            return report.withNothing();
        }
        WasmBinding binding = export == null ? null : report.include(bind(method, export, params, returns));
        return report.with(new Operation(method, name, httpMethod, template, List.copyOf(params), returns, binding,
                chain, validations));
    }

    /**
     * A Principal parameter is null when the request is anonymous, which is only possible on a
     * route that requires no authentication. That may be meant (a route that greets a caller it
     * knows), so it is a warning, silenced by {@code @SuppressWarnings("weft:anonymous-principal")}.
     */
    private static void warnOfAnonymousPrincipal(ValidationReport report, ExecutableElement method, List<Param> params,
            List<ChainStep> chain) {
        if (chain.stream().anyMatch(step -> step.kind() == ChainStep.Kind.AUTHENTICATED || step.kind() == ChainStep.Kind.ROLES)) {
            return;
        }
        for (Param param : params) {
            if (param.source() == Source.PRINCIPAL && !suppressed(param.element(), ANONYMOUS_PRINCIPAL)
                    && !suppressed(method, ANONYMOUS_PRINCIPAL)) {
                report.warning("parameter '" + param.javaName() + "' of " + describe(method) + " is null for anonymous"
                        + " requests: the route has no @Authenticated or @RolesAllowed (add one, or @SuppressWarnings(\""
                        + ANONYMOUS_PRINCIPAL + "\") if null is expected)", param.element());
            }
        }
    }

    private static boolean suppressed(Element element, String warning) {
        SuppressWarnings suppress = element.getAnnotation(SuppressWarnings.class);
        return suppress != null && Arrays.asList(suppress.value()).contains(warning);
    }

    private static boolean hasSecurityOrUse(ExecutableElement method) {
        return method.getAnnotation(Use.class) != null || method.getAnnotation(Authenticated.class) != null
                || method.getAnnotation(RolesAllowed.class) != null;
    }

    private static Map<String, String> httpMethods(ExecutableElement method) {
        Map<String, String> found = new LinkedHashMap<>();
        if (method.getAnnotation(Get.class) != null) {
            found.put("GET", method.getAnnotation(Get.class).value());
        }
        if (method.getAnnotation(Post.class) != null) {
            found.put("POST", method.getAnnotation(Post.class).value());
        }
        if (method.getAnnotation(Put.class) != null) {
            found.put("PUT", method.getAnnotation(Put.class).value());
        }
        if (method.getAnnotation(Delete.class) != null) {
            found.put("DELETE", method.getAnnotation(Delete.class).value());
        }
        if (method.getAnnotation(Patch.class) != null) {
            found.put("PATCH", method.getAnnotation(Patch.class).value());
        }
        return found;
    }

    /**
     * Each {@code @PathParam} names a variable of the path, once; each variable has a parameter,
     * unless a parameter that failed may be the one binding it (its own error suffices).
     */
    private static void checkPathVariables(ValidationReport report, ExecutableElement method, PathTemplate template,
            List<Param> params, boolean everyParamRead) {
        List<String> bound = new ArrayList<>();
        for (Param param : params) {
            if (param.source() != Source.PATH) {
                continue;
            }
            if (!template.variables().contains(param.externalName())) {
                report.error("@PathParam '" + param.externalName() + "' of " + describe(method)
                        + " names no variable of its path '" + template.text() + "'", param.element());
            } else if (bound.contains(param.externalName())) {
                report.error("path variable {" + param.externalName() + "} of " + describe(method) + " is bound twice",
                        param.element());
            }
            bound.add(param.externalName());
        }
        for (String variable : template.variables()) {
            if (everyParamRead && !bound.contains(variable)) {
                report.error("path variable {" + variable + "} of " + describe(method) + " ('" + template.text()
                        + "') has no @PathParam parameter");
            }
        }
        if (params.stream().filter(param -> param.source() == Source.BODY).count() > 1) {
            report.error(describe(method) + " has more than one @Body parameter");
        }
    }

    private void checkRouteReturn(ValidationReport report, ExecutableElement method, ValueType returns) {
        boolean supported = !returns.optional() && switch (returns.kind()) {
            case VOID, STRING, BYTES, JSON, JSON_LIST, RESPONSE, INT, LONG, FLOAT, DOUBLE, BOOLEAN -> true;
            default -> false;
        };
        if (!supported) {
            report.error(describe(method) + " cannot return " + returns.type() + classifier.jsonHint(returns)
                    + "; a route returns void, String, byte[], a number, a boolean, Response,"
                    + " or a type annotated @io.avaje.jsonb.Json (or a List of one)");
        }
    }

    /** {@code GreetingApi.hello(String)}, for messages. */
    static String describe(ExecutableElement method) {
        String params = method.getParameters().stream()
                .map(parameter -> parameter.asType().toString().replaceAll("\\b[a-z][a-z0-9_]*\\.", ""))
                .collect(Collectors.joining(", "));
        return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName() + "(" + params + ")";
    }

    /**
     * The parameter, with the report of its mistakes; nothing when where it comes from or its type
     * is wrong (then no other check of the method can rely on it).
     *
     * @param isRoute whether the method is a route, so that the request can supply the parameter
     */
    private Checked<Param> readParam(ExecutableElement method, VariableElement parameter, boolean isRoute) {
        ValidationReport report = ValidationReport.about(parameter);
        String javaName = parameter.getSimpleName().toString();
        String what = "parameter '" + javaName + "' of " + describe(method);
        ValueType type = classifier.classify(parameter.asType());
        PathParam path = parameter.getAnnotation(PathParam.class);
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        HeaderParam header = parameter.getAnnotation(HeaderParam.class);
        Body body = parameter.getAnnotation(Body.class);
        int sources = (path != null ? 1 : 0) + (query != null ? 1 : 0) + (header != null ? 1 : 0) + (body != null ? 1 : 0);
        if (sources > 1) {
            report.error(what + " takes only one of @PathParam, @QueryParam, @HeaderParam and @Body");
            return report.withNothing();
        }

        Source source;
        String externalName = javaName;
        if (!isRoute) {
            if (sources > 0) {
                report.error(what + " binds to the request, but " + method.getSimpleName() + " is not a route");
                return report.withNothing();
            }
            source = switch (type.kind()) {
                case REQUEST -> Source.REQUEST;
                case PRINCIPAL -> Source.PRINCIPAL;
                default -> Source.NONE;
            };
        } else if (path != null) {
            source = Source.PATH;
            externalName = path.value().isEmpty() ? javaName : path.value();
        } else if (query != null) {
            source = Source.QUERY;
            externalName = query.value().isEmpty() ? javaName : query.value();
        } else if (header != null) {
            source = Source.HEADER;
            if (header.value().isBlank()) {
                report.error(what + ": @HeaderParam needs the header's name, such as @HeaderParam(\"X-Request-Id\")");
                return report.withNothing();
            }
            externalName = header.value();
        } else if (body != null) {
            source = Source.BODY;
        } else if (type.kind() == Kind.REQUEST) {
            source = Source.REQUEST;
        } else if (type.kind() == Kind.PRINCIPAL) {
            source = Source.PRINCIPAL;
        } else {
            report.error(what + " needs @PathParam, @QueryParam, @HeaderParam or @Body");
            return report.withNothing();
        }

        checkType(report, what, source, type);
        if (!report.isClean()) {
            return report.withNothing();
        }
        Default defaultAnnotation = parameter.getAnnotation(Default.class);
        String defaultValue = defaultAnnotation == null ? null : defaultAnnotation.value();
        TypeMirror valueType = type.optional()
                ? ((DeclaredType) parameter.asType()).getTypeArguments().get(0) : parameter.asType();
        Constraints checks = report.include(constraints.read(parameter, valueType, what));
        if (!checks.isEmpty() && source != Source.PATH && source != Source.QUERY && source != Source.HEADER) {
            report.error(what + ": validation annotations apply to path, query and header parameters;"
                    + " for a body, annotate the record's components");
        } else if (checks.valid()) {
            report.error(what + ": @Valid applies to components of a @Json record");
        }
        Param param = new Param(parameter, javaName, source, externalName, type, defaultValue, checks);
        checkDefaultAndBounds(report, what, param);
        return report.with(param);
    }

    /** Whether a value of {@code type} can come from {@code source}. */
    private void checkType(ValidationReport report, String what, Source source, ValueType type) {
        switch (source) {
            case PATH -> {
                if (!type.isScalar() || type.optional()) {
                    report.error(what + ": a path parameter cannot be " + type.type()
                            + "; use String, int, long, float, double, boolean, their boxes, or an enum");
                }
            }
            case QUERY, HEADER -> {
                if (!type.isScalar()) {
                    report.error(what + ": a " + source.label + " parameter cannot be " + type.type()
                            + "; use String, int, long, float, double, boolean, their boxes, an enum, or an Optional of one");
                }
            }
            case BODY -> {
                boolean supported = type.kind() == Kind.BYTES || type.kind() == Kind.STRING && !type.optional()
                        || type.kind() == Kind.JSON || type.kind() == Kind.JSON_LIST;
                if (!supported) {
                    report.error(what + ": a body cannot be " + type.type() + classifier.jsonHint(type)
                            + "; use byte[], String, or a type annotated @io.avaje.jsonb.Json (or a List of one)");
                }
            }
            case NONE -> {
                if (type.kind() == Kind.UNSUPPORTED) {
                    report.error(what + ": unsupported type " + type.type() + classifier.jsonHint(type));
                }
            }
            case REQUEST, PRINCIPAL -> {
                // supplied by the server: always available
            }
        }
    }

    private static void checkDefaultAndBounds(ValidationReport report, String what, Param param) {
        if (param.defaultValue() != null) {
            if (param.source() != Source.QUERY && param.source() != Source.HEADER) {
                report.error(what + ": @Default applies only to query and header parameters");
            } else if (param.type().optional()) {
                report.error(what + ": an Optional parameter cannot also have a @Default");
            } else if (!DefaultValues.fits(param.type(), param.defaultValue(), param.element())) {
                report.error(what + ": @Default(\"" + param.defaultValue() + "\") is not "
                        + DefaultValues.expectation(param.type(), param.element()));
            }
        }
        Constraints checks = param.constraints();
        if ((checks.min() != null || checks.max() != null) && param.defaultValue() != null && param.type().isNumeric()
                && DefaultValues.fits(param.type(), param.defaultValue(), param.element())
                && !DefaultValues.withinBounds(param.type(), param.defaultValue(), checks.min(), checks.max())) {
            report.error(what + ": @Default(\"" + param.defaultValue() + "\") is outside its @Min/@Max");
        }
    }

    /** The binding of a method whose parameters and return were read without errors, or nothing, with why. */
    private Checked<WasmBinding> bind(ExecutableElement method, WasmExport export, List<Param> params, ValueType returns) {
        ValidationReport report = ValidationReport.about(method);
        String described = describe(method);
        String function = export.function().isEmpty() ? method.getSimpleName().toString() : export.function();
        String at = described + " @WasmExport(module = \"" + export.module() + "\", function = \"" + function + "\")";
        Optional<WasmSignature> expected = WasmSignatures.expected(params, returns);
        if (expected.isEmpty()) {
            report.error(at + ": " + described + " cannot cross into a guest; wasm exports take and return int, long,"
                    + " float, double, boolean, byte[], String and @Json types (see docs/guest-abi.md)");
            return report.withNothing();
        }
        Optional<ModuleManifest> manifest;
        try {
            manifest = manifests.find(export.module());
        } catch (IOException | IllegalArgumentException e) {
            report.error(at + ": the manifest of module '" + export.module() + "' could not be read: " + e.getMessage());
            return report.withNothing();
        }
        if (manifest.isEmpty()) {
            List<String> available = manifests.available();
            report.error(at + ": there is no wasm module named '" + export.module() + "' in this project"
                    + (available.isEmpty() ? " (no module manifests in " + manifests.location()
                            + "; does the pom run weft-wasm-aot-maven-plugin?)"
                            : "; its modules are: " + String.join(", ", available)));
            return report.withNothing();
        }
        ModuleManifest module = manifest.get();
        WasmSignature actual = module.exports().get(function);
        if (actual == null) {
            report.error(at + ": module '" + module.name() + "' exports no function '" + function
                    + "'; its exports are: " + module.describeExports());
            return report.withNothing();
        }
        if (!actual.equals(expected.get())) {
            report.error(at + ": export '" + function + "' of module '" + module.name() + "' has signature " + actual
                    + ", but " + described + " needs " + expected.get() + " (see docs/guest-abi.md)");
            return report.withNothing();
        }
        if (WasmSignatures.usesMemory(params, returns) && !exportsAllocator(module)) {
            report.error(at + ": " + described + " passes bytes, so module '" + module.name()
                    + "' must export " + GuestAbi.ALLOC + GuestAbi.ALLOC_SIGNATURE + " and " + GuestAbi.FREE
                    + GuestAbi.FREE_SIGNATURE + " (the weft-guest crate provides both)");
            return report.withNothing();
        }
        return report.with(new WasmBinding(module, function, actual));
    }

    private static boolean exportsAllocator(ModuleManifest module) {
        return GuestAbi.ALLOC_SIGNATURE.equals(module.exports().get(GuestAbi.ALLOC))
                && GuestAbi.FREE_SIGNATURE.equals(module.exports().get(GuestAbi.FREE));
    }
}
