package dev.weft.processor;

import com.palantir.javapoet.ClassName;
import dev.weft.annotations.validation.Max;
import dev.weft.annotations.validation.Min;
import dev.weft.annotations.validation.NotBlank;
import dev.weft.annotations.validation.NotNull;
import dev.weft.annotations.validation.Pattern;
import dev.weft.annotations.validation.Size;
import dev.weft.annotations.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads validation annotations, checks that each fits the type it is on (a length on a string or
 * a collection, a bound on a number, a valid regular expression), and collects the checks of the
 * JSON records a body reaches, following {@code @Valid} components.
 */
final class ConstraintReader {

    private final Elements elements;
    private final Types types;
    private final Messager messager;
    private final TypeClassifier classifier;
    private boolean failed;

    ConstraintReader(Elements elements, Types types, Messager messager, TypeClassifier classifier) {
        this.elements = elements;
        this.types = types;
        this.messager = messager;
        this.classifier = classifier;
    }

    /** Whether an error was reported since the last call. */
    boolean failedAndReset() {
        boolean result = failed;
        failed = false;
        return result;
    }

    /** The constraints on an element of type {@code type}, after checking that they fit it. */
    Constraints read(Element element, TypeMirror type, String what) {
        NotNull notNull = element.getAnnotation(NotNull.class);
        NotBlank notBlank = element.getAnnotation(NotBlank.class);
        Size size = element.getAnnotation(Size.class);
        Pattern pattern = element.getAnnotation(Pattern.class);
        Min min = element.getAnnotation(Min.class);
        Max max = element.getAnnotation(Max.class);
        Valid valid = element.getAnnotation(Valid.class);
        boolean string = isType(type, "java.lang.String");
        if (notNull != null && type.getKind().isPrimitive()) {
            error(element, what + ": @NotNull on a primitive, which is never null");
        }
        if ((notBlank != null || pattern != null) && !string) {
            error(element, what + ": @NotBlank and @Pattern apply to strings, not to " + type);
        }
        if (size != null && !string && !isCollectionOrMap(type)) {
            error(element, what + ": @Size applies to strings, collections and maps, not to " + type);
        }
        if (size != null && (size.min() < 0 || size.min() > size.max())) {
            error(element, what + ": @Size(min = " + size.min() + ", max = " + size.max() + ") is an empty range");
        }
        if ((min != null || max != null) && !isNumber(type)) {
            error(element, what + ": @Min and @Max apply to numbers, not to " + type);
        }
        if (min != null && max != null && min.value() > max.value()) {
            error(element, what + ": @Min(" + min.value() + ") is greater than @Max(" + max.value() + ")");
        }
        if (pattern != null) {
            try {
                java.util.regex.Pattern.compile(pattern.value());
            } catch (PatternSyntaxException e) {
                error(element, what + ": @Pattern(\"" + pattern.value() + "\") is not a regular expression: "
                        + e.getDescription());
            }
        }
        return new Constraints(notNull != null, notBlank != null,
                size == null ? null : size.min(), size == null ? null : size.max(),
                pattern == null ? null : pattern.value(),
                min == null ? null : min.value(), max == null ? null : max.value(), valid != null);
    }

    /**
     * The checks of a JSON record and of the records its {@code @Valid} components reach, keyed by
     * record type; empty when none of them has a constraint.
     */
    Map<ClassName, RecordValidation> forRecord(TypeMirror recordType) {
        Map<ClassName, RecordValidation> found = new LinkedHashMap<>();
        collect(recordType, found);
        found.values().removeIf(validation -> validation.components().isEmpty());
        return found;
    }

    private void collect(TypeMirror recordType, Map<ClassName, RecordValidation> found) {
        TypeElement record = (TypeElement) types.asElement(recordType);
        ClassName name = ClassName.get(record);
        if (record.getKind() != ElementKind.RECORD || found.containsKey(name)) {
            return;
        }
        found.put(name, new RecordValidation(name, List.of()));
        List<RecordValidation.Component> components = new ArrayList<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            String what = "component '" + component.getSimpleName() + "' of " + record.getSimpleName();
            Constraints constraints = read(component, component.asType(), what);
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
                    error(component, what + ": @Valid applies to a @Json record or a List of them, not to "
                            + component.asType());
                }
            }
            if (nested != null) {
                collect(nested, found);
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

    private void error(Element element, String message) {
        failed = true;
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
