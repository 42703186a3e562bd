package dev.weft.processor;

import com.palantir.javapoet.ClassName;
import dev.weft.annotations.validation.Max;
import dev.weft.annotations.validation.Min;
import dev.weft.annotations.validation.NotBlank;
import dev.weft.annotations.validation.NotNull;
import dev.weft.annotations.validation.Pattern;
import dev.weft.annotations.validation.Size;
import dev.weft.annotations.validation.Valid;
import dev.weft.processor.ValidationReport.Checked;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads validation annotations, checks that each fits the type it is on (a length on a string or
 * a collection, a bound on a number, a valid regular expression), and collects the checks of the
 * JSON records a body reaches, following {@code @Valid} components.
 */
final class ConstraintReader {

    private final Elements elements;
    private final Types types;
    private final TypeClassifier classifier;

    ConstraintReader(Elements elements, Types types, TypeClassifier classifier) {
        this.elements = elements;
        this.types = types;
        this.classifier = classifier;
    }

    /** The constraints on an element of type {@code type}, with the report of those that do not fit it. */
    Checked<Constraints> read(Element element, TypeMirror type, String what) {
        ValidationReport report = ValidationReport.about(element);
        NotNull notNull = element.getAnnotation(NotNull.class);
        NotBlank notBlank = element.getAnnotation(NotBlank.class);
        Size size = element.getAnnotation(Size.class);
        Pattern pattern = element.getAnnotation(Pattern.class);
        Min min = element.getAnnotation(Min.class);
        Max max = element.getAnnotation(Max.class);
        Valid valid = element.getAnnotation(Valid.class);
        boolean string = isType(type, "java.lang.String");
        if (notNull != null && type.getKind().isPrimitive()) {
            report.error(what + ": @NotNull on a primitive, which is never null");
        }
        if ((notBlank != null || pattern != null) && !string) {
            report.error(what + ": @NotBlank and @Pattern apply to strings, not to " + type);
        }
        if (size != null && !string && !isCollectionOrMap(type)) {
            report.error(what + ": @Size applies to strings, collections and maps, not to " + type);
        }
        if (size != null && (size.min() < 0 || size.min() > size.max())) {
            report.error(what + ": @Size(min = " + size.min() + ", max = " + size.max() + ") is an empty range");
        }
        if ((min != null || max != null) && !isNumber(type)) {
            report.error(what + ": @Min and @Max apply to numbers, not to " + type);
        }
        if (min != null && max != null && min.value() > max.value()) {
            report.error(what + ": @Min(" + min.value() + ") is greater than @Max(" + max.value() + ")");
        }
        if (pattern != null) {
            try {
                java.util.regex.Pattern.compile(pattern.value());
            } catch (PatternSyntaxException e) {
                report.error(what + ": @Pattern(\"" + pattern.value() + "\") is not a regular expression: "
                        + e.getDescription());
            }
        }
        return report.with(new Constraints(notNull != null, notBlank != null,
                size == null ? null : size.min(), size == null ? null : size.max(),
                pattern == null ? null : pattern.value(),
                min == null ? null : min.value(), max == null ? null : max.value(), valid != null));
    }

    /**
     * The checks of a JSON record and of the records its {@code @Valid} components reach, keyed by
     * record type (none when none of them has a constraint), with the report of the record's errors.
     */
    Checked<Map<ClassName, RecordValidation>> forRecord(TypeMirror recordType) {
        ValidationReport report = ValidationReport.about(types.asElement(recordType));
        Map<ClassName, RecordValidation> found = new LinkedHashMap<>();
        collect(recordType, found, report);
        found.values().removeIf(validation -> validation.components().isEmpty());
        return report.with(found);
    }

    private void collect(TypeMirror recordType, Map<ClassName, RecordValidation> found, ValidationReport report) {
        TypeElement record = (TypeElement) types.asElement(recordType);
        ClassName name = ClassName.get(record);
        if (record.getKind() != ElementKind.RECORD || found.containsKey(name)) {
            return;
        }
        found.put(name, new RecordValidation(name, List.of()));
        List<RecordValidation.Component> components = new ArrayList<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            String what = "component '" + component.getSimpleName() + "' of " + record.getSimpleName();
            Constraints constraints = report.include(read(component, component.asType(), what));
            TypeMirror nested = null;
            boolean inList = false;
            if (constraints.valid()) {
                ValueType kind = classifier.classify(component.asType());
                if (kind.kind() == ValueType.Kind.JSON) {
                    nested = component.asType();
                } else if (kind.kind() == ValueType.Kind.JSON_LIST) {
                    nested = ((DeclaredType) component.asType()).getTypeArguments().get(0);
                    inList = true;
                } else {
                    report.error(what + ": @Valid applies to a @Json record or a List of them, not to "
                            + component.asType(), component);
                }
            }
            if (nested != null) {
                collect(nested, found, report);
            }
            if (!constraints.isEmpty()) {
                components.add(new RecordValidation.Component(component.getSimpleName().toString(), constraints,
                        nested == null ? null : ClassName.get((TypeElement) types.asElement(nested)), inList));
            }
        }
        found.put(name, new RecordValidation(name, List.copyOf(components)));
    }

    private boolean isType(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals(qualifiedName);
    }

    private boolean isCollectionOrMap(TypeMirror type) {
        return isAssignable(type, "java.util.Collection") || isAssignable(type, "java.util.Map");
    }

    private boolean isAssignable(TypeMirror type, String qualifiedName) {
        TypeElement target = elements.getTypeElement(qualifiedName);
        return type.getKind() == TypeKind.DECLARED && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
    }

    private boolean isNumber(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return type.getKind() != TypeKind.BOOLEAN && type.getKind() != TypeKind.CHAR;
        }
        return isAssignable(type, "java.lang.Number");
    }
}
