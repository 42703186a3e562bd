package dev.weft.processor;

import com.palantir.javapoet.ClassName;
import dev.weft.annotations.Delete;
import dev.weft.annotations.Get;
import dev.weft.annotations.Patch;
import dev.weft.annotations.Post;
import dev.weft.annotations.Put;
import dev.weft.annotations.Use;
import dev.weft.annotations.WasmExport;
import dev.weft.annotations.security.Authenticated;
import dev.weft.annotations.security.RolesAllowed;
import dev.weft.processor.Param.Source;
import dev.weft.processor.PathTemplate.InvalidTemplateException;
import dev.weft.processor.ValidationReport.Checked;
import dev.weft.processor.ValueType.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Reads one abstract method of an interface into an {@link Operation}: whether it is a route (its
 * HTTP method and path), a wasm binding, both or neither; what it returns; its chain; and that its
 * parameters cover its path. The rules of a single parameter are {@link ParameterReader}'s, those
 * of a guest export {@link WasmBindingReader}'s: this class holds what ties the parts together.
 */
final class MethodReader {

    /**
     * The server's own routes (the runtime's HealthRoutes and OpenApiRoute): a route of the
     * application cannot have them.
     */
    static final List<String> RESERVED_PATHS = List.of("/health", "/metrics", "/openapi.json");

    /** The name that silences the warning about a Principal parameter of a route open to anonymous requests. */
    static final String ANONYMOUS_PRINCIPAL = "weft:anonymous-principal";

    private final TypeClassifier classifier;
    private final ParameterReader parameters;
    private final ChainReader chains;
    private final ConstraintReader constraints;
    private final WasmBindingReader bindings;

    MethodReader(TypeClassifier classifier, ParameterReader parameters, ChainReader chains,
            ConstraintReader constraints, WasmBindingReader bindings) {
        this.classifier = classifier;
        this.parameters = parameters;
        this.chains = chains;
        this.constraints = constraints;
        this.bindings = bindings;
    }

    /**
     * The operation, with the report of the method's mistakes; nothing when a mistake leaves no
     * operation to describe.
     *
     * @param api the interface, whose {@code @Use} and security annotations apply to the method
     * @param isApi whether the interface is annotated {@code @Api}
     * @param prefix the {@code @Api} path prefix
     */
    Checked<Operation> read(TypeElement api, ExecutableElement method, boolean isApi, String prefix) {
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
                        + String.join(", ", RESERVED_PATHS.subList(0, RESERVED_PATHS.size() - 1)) + " and "
                        + RESERVED_PATHS.get(RESERVED_PATHS.size() - 1) + " are reserved); choose another");
                return report.withNothing();
            }
        }
        boolean isRoute = httpMethod != null;
        List<Param> params = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            Param param = report.include(parameters.read(method, parameter, isRoute));
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
        WasmBinding binding = export == null ? null : report.include(bindings.read(method, export, params, returns));
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
}
