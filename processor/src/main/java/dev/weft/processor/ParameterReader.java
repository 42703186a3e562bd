package dev.weft.processor;

import dev.weft.annotations.Body;
import dev.weft.annotations.Default;
import dev.weft.annotations.HeaderParam;
import dev.weft.annotations.PathParam;
import dev.weft.annotations.QueryParam;
import dev.weft.processor.Param.Source;
import dev.weft.processor.ValidationReport.Checked;
import dev.weft.processor.ValueType.Kind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Reads one parameter of an interface method into a {@link Param}: where a request supplies it
 * (path, query, header, body, or the server itself), whether its type can come from there, and
 * its {@code @Default} and validation annotations. Kept apart from {@link MethodReader} because a
 * parameter's rules are many and concern nothing else of the method.
 */
final class ParameterReader {

    private final TypeClassifier classifier;
    private final ConstraintReader constraints;

    ParameterReader(TypeClassifier classifier, ConstraintReader constraints) {
        this.classifier = classifier;
        this.constraints = constraints;
    }

    /**
     * The parameter, with the report of its mistakes; nothing when where it comes from or its type
     * is wrong (then no other check of the method can rely on it).
     *
     * @param isRoute whether the method is a route, so that the request can supply the parameter
     */
    Checked<Param> read(ExecutableElement method, VariableElement parameter, boolean isRoute) {
        ValidationReport report = ValidationReport.about(parameter);
        String javaName = parameter.getSimpleName().toString();
        String what = "parameter '" + javaName + "' of " + MethodReader.describe(method);
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
}
