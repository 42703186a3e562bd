package dev.weft.processor;

import com.palantir.javapoet.TypeName;
import dev.weft.processor.ValueType.Kind;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Sorts Java types into the {@link Kind}s Weft knows how to bind. */
final class TypeClassifier {

    static final String REQUEST = "dev.weft.runtime.http.Request";
    static final String RESPONSE = "dev.weft.runtime.http.Response";
    static final String PRINCIPAL = "dev.weft.runtime.http.Principal";
    static final String JSON_ANNOTATION = "io.avaje.jsonb.Json";

    private final Types types;

    TypeClassifier(Types types) {
        this.types = types;
    }

    ValueType classify(TypeMirror type) {
        TypeName name = TypeName.get(type);
        switch (type.getKind()) {
            case VOID:
                return new ValueType(Kind.VOID, type, name, false);
            case INT:
                return new ValueType(Kind.INT, type, name, false);
            case LONG:
                return new ValueType(Kind.LONG, type, name, false);
            case FLOAT:
                return new ValueType(Kind.FLOAT, type, name, false);
            case DOUBLE:
                return new ValueType(Kind.DOUBLE, type, name, false);
            case BOOLEAN:
                return new ValueType(Kind.BOOLEAN, type, name, false);
            case ARRAY:
                boolean bytes = ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE;
                return new ValueType(bytes ? Kind.BYTES : Kind.UNSUPPORTED, type, name, false);
            case DECLARED:
                return classifyDeclared((DeclaredType) type, name);
            default:
                return new ValueType(Kind.UNSUPPORTED, type, name, false);
        }
    }

    private ValueType classifyDeclared(DeclaredType type, TypeName name) {
        TypeElement element = (TypeElement) type.asElement();
        String qualified = element.getQualifiedName().toString();
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        switch (qualified) {
            case "java.lang.Integer":
                return new ValueType(Kind.INT, type, name, false);
            case "java.lang.Long":
                return new ValueType(Kind.LONG, type, name, false);
            case "java.lang.Float":
                return new ValueType(Kind.FLOAT, type, name, false);
            case "java.lang.Double":
                return new ValueType(Kind.DOUBLE, type, name, false);
            case "java.lang.Boolean":
                return new ValueType(Kind.BOOLEAN, type, name, false);
            case "java.lang.String":
                return new ValueType(Kind.STRING, type, name, false);
            case REQUEST:
                return new ValueType(Kind.REQUEST, type, name, false);
            case RESPONSE:
                return new ValueType(Kind.RESPONSE, type, name, false);
            case PRINCIPAL:
                return new ValueType(Kind.PRINCIPAL, type, name, false);
            case "java.util.Optional":
                if (arguments.size() == 1) {
                    ValueType inner = classify(arguments.get(0));
                    Kind kind = inner.isScalar() ? inner.kind() : Kind.UNSUPPORTED;
                    return new ValueType(kind, type, inner.element(), true);
                }
                return new ValueType(Kind.UNSUPPORTED, type, name, false);
            case "java.util.List":
                if (arguments.size() == 1 && isJsonType(arguments.get(0))) {
                    return new ValueType(Kind.JSON_LIST, type, TypeName.get(arguments.get(0)), false);
                }
                return new ValueType(Kind.UNSUPPORTED, type, name, false);
            default:
                if (element.getKind() == ElementKind.ENUM) {
                    return new ValueType(Kind.ENUM, type, name, false);
                }
                if (isJsonType(type)) {
                    return new ValueType(Kind.JSON, type, name, false);
                }
                return new ValueType(Kind.UNSUPPORTED, type, name, false);
        }
    }

    /** A class or record whose JSON adapter avaje-jsonb generates: it carries {@code @Json}. */
    boolean isJsonType(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeElement element = (TypeElement) types.asElement(type);
        return element.getAnnotationMirrors().stream()
                .anyMatch(annotation -> ((TypeElement) annotation.getAnnotationType().asElement())
                        .getQualifiedName()
                        .contentEquals(JSON_ANNOTATION));
    }

    /** A declared class or record that lacks {@code @Json}: the likely mistake behind an unsupported type. */
    private boolean looksLikeJsonCandidate(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeElement element = (TypeElement) types.asElement(type);
        String qualified = element.getQualifiedName().toString();
        return (element.getKind() == ElementKind.RECORD || element.getKind() == ElementKind.CLASS)
                && !qualified.startsWith("java.");
    }

    /** For a message about an unsupported type that may be meant as JSON: how to make it JSON. */
    String jsonHint(ValueType type) {
        return looksLikeJsonCandidate(type.type())
                ? " (to send it as JSON, annotate " + ((DeclaredType) type.type()).asElement().getSimpleName()
                        + " with @io.avaje.jsonb.Json)"
                : "";
    }
}
