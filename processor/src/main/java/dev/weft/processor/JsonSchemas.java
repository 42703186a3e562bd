package dev.weft.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * JSON Schemas (draft 2020-12, as OpenAPI 3.1 uses them) of the Java types that cross HTTP as
 * avaje-jsonb writes and reads them. Records, classes and enums become named schemas under
 * {@code components/schemas}, referred to by {@code $ref}; their validation annotations become
 * schema keywords.
 */
final class JsonSchemas {

    static final String REF_PREFIX = "#/components/schemas/";

    private final Elements elements;
    private final Types types;
    private final ConstraintReader constraints;
    /** Named schemas, by name; sorted, so that the document does not depend on the order of reading. */
    private final Map<String, Object> named = new TreeMap<>();

    JsonSchemas(Elements elements, Types types, ConstraintReader constraints) {
        this.elements = elements;
        this.types = types;
        this.constraints = constraints;
    }

    /** The schemas that {@link #of} referred to, for {@code components/schemas}. */
    Map<String, Object> named() {
        return named;
    }

    /** The schema of a value of {@code type}, with its constraints as keywords. */
    Map<String, Object> of(TypeMirror type, Constraints checks) {
        Map<String, Object> schema = of(type);
        addConstraints(schema, checks);
        return schema;
    }

    /** The schema of a value of {@code type}. */
    Map<String, Object> of(TypeMirror type) {
        switch (type.getKind()) {
            case BYTE, SHORT, INT:
                return typed("integer", "int32");
            case LONG:
                return typed("integer", "int64");
            case FLOAT:
                return typed("number", "float");
            case DOUBLE:
                return typed("number", "double");
            case BOOLEAN:
                return typed("boolean", null);
            case CHAR:
                return typed("string", null);
            case ARRAY:
                if (((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
                    Map<String, Object> bytes = typed("string", null);
                    bytes.put("contentEncoding", "base64");
                    return bytes;
                }
                return array(of(((ArrayType) type).getComponentType()));
            case DECLARED:
                return declared((DeclaredType) type);
            default:
                return new LinkedHashMap<>();
        }
    }

    private Map<String, Object> declared(DeclaredType type) {
        TypeElement element = (TypeElement) type.asElement();
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        switch (element.getQualifiedName().toString()) {
            case "java.lang.Byte", "java.lang.Short", "java.lang.Integer":
                return typed("integer", "int32");
            case "java.lang.Long":
                return typed("integer", "int64");
            case "java.lang.Float":
                return typed("number", "float");
            case "java.lang.Double":
                return typed("number", "double");
            case "java.math.BigInteger":
                return typed("integer", null);
            case "java.math.BigDecimal":
                return typed("number", null);
            case "java.lang.Boolean":
                return typed("boolean", null);
            case "java.lang.String", "java.lang.Character", "java.util.UUID":
                return typed("string", null);
            case "java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime":
                return typed("string", "date-time");
            case "java.time.LocalDate":
                return typed("string", "date");
            case "java.util.Optional":
                return arguments.size() == 1 ? of(arguments.get(0)) : new LinkedHashMap<>();
            default:
                break;
        }
        if (isA(type, "java.util.Map") && arguments.size() == 2) {
            Map<String, Object> map = typed("object", null);
            map.put("additionalProperties", of(arguments.get(1)));
            return map;
        }
        if (isA(type, "java.util.Collection")) {
            return array(arguments.size() == 1 ? of(arguments.get(0)) : new LinkedHashMap<>());
        }
        if (element.getKind() == ElementKind.ENUM || element.getKind() == ElementKind.RECORD
                || element.getKind() == ElementKind.CLASS) {
            return reference(element);
        }
        return new LinkedHashMap<>();
    }

    /** A {@code $ref} to the named schema of a record, class or enum, written the first time it is met. */
    private Map<String, Object> reference(TypeElement element) {
        String name = name(element);
        if (!named.containsKey(name)) {
            named.put(name, Map.of()); // a placeholder first: a record may refer to itself
            named.put(name, element.getKind() == ElementKind.ENUM ? enumSchema(element) : objectSchema(element));
        }
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("$ref", REF_PREFIX + name);
        return reference;
    }

    /** {@code OrdersApi.NewOrder} for a nested type: unique enough, and readable. */
    static String name(TypeElement element) {
        StringBuilder name = new StringBuilder(element.getSimpleName());
        for (Element outer = element.getEnclosingElement(); outer instanceof TypeElement type;
                outer = outer.getEnclosingElement()) {
            name.insert(0, type.getSimpleName() + ".");
        }
        return name.toString();
    }

    private Map<String, Object> enumSchema(TypeElement element) {
        List<String> constants = new ArrayList<>();
        for (Element member : element.getEnclosedElements()) {
            if (member.getKind() == ElementKind.ENUM_CONSTANT) {
                constants.add(member.getSimpleName().toString());
            }
        }
        Map<String, Object> schema = typed("string", null);
        schema.put("enum", constants);
        describe(schema, element);
        return schema;
    }

    /**
     * A record's components, or a class's instance fields, as properties. Required are those that
     * are always there: primitives (always written) and components declared {@code @NotNull} or
     * {@code @NotBlank} (refused when absent). Others may be absent or null.
     */
    private Map<String, Object> objectSchema(TypeElement element) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        List<? extends Element> members = element.getKind() == ElementKind.RECORD
                ? element.getRecordComponents()
                : ElementFilter.fieldsIn(element.getEnclosedElements()).stream()
                        .filter(field -> !field.getModifiers().contains(Modifier.STATIC)
                                && !field.getModifiers().contains(Modifier.TRANSIENT))
                        .toList();
        for (Element member : members) {
            String name = member.getSimpleName().toString();
            TypeMirror type = member.asType();
            Constraints checks = constraints.read(member, type, name).value();
            Map<String, Object> schema = of(type, checks);
            boolean present = type.getKind().isPrimitive() || checks.notNull() || checks.notBlank();
            if (present) {
                required.add(name);
            } else {
                schema = nullable(schema);
            }
            properties.put(name, schema);
        }
        Map<String, Object> schema = typed("object", null);
        describe(schema, element);
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    /** The same schema, allowing JSON null too. */
    private static Map<String, Object> nullable(Map<String, Object> schema) {
        if (schema.get("type") instanceof String type) {
            schema.put("type", List.of(type, "null"));
            return schema;
        }
        if (schema.isEmpty()) {
            return schema;
        }
        Map<String, Object> either = new LinkedHashMap<>();
        either.put("anyOf", List.of(schema, Map.of("type", "null")));
        return either;
    }

    /** {@code schema} with the validation annotations as keywords. */
    static Map<String, Object> withConstraints(Map<String, Object> schema, Constraints checks) {
        addConstraints(schema, checks);
        return schema;
    }

    /** The validation annotations as the JSON Schema keywords that say the same. */
    static void addConstraints(Map<String, Object> schema, Constraints checks) {
        boolean array = "array".equals(schema.get("type")) || "object".equals(schema.get("type"));
        if (checks.minLength() != null) {
            schema.put(array ? "minItems" : "minLength", checks.minLength());
            schema.put(array ? "maxItems" : "maxLength", checks.maxLength());
        }
        if (checks.notBlank()) {
            schema.putIfAbsent("minLength", 1);
        }
        if (checks.pattern() != null) {
            // Weft matches the whole value (Matcher.matches); a schema pattern matches anywhere.
            schema.put("pattern", "^(?:" + checks.pattern() + ")$");
        } else if (checks.notBlank()) {
            schema.put("pattern", "\\S");
        }
        if (checks.min() != null) {
            schema.put("minimum", checks.min());
        }
        if (checks.max() != null) {
            schema.put("maximum", checks.max());
        }
    }

    private void describe(Map<String, Object> schema, Element element) {
        Javadoc doc = Javadoc.of(elements, element);
        if (doc.description() != null) {
            schema.put("description", doc.description());
        }
    }

    private boolean isA(DeclaredType type, String qualifiedName) {
        TypeElement target = elements.getTypeElement(qualifiedName);
        return target != null && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
    }

    private static Map<String, Object> typed(String type, String format) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (format != null) {
            schema.put("format", format);
        }
        return schema;
    }

    private static Map<String, Object> array(Map<String, Object> items) {
        Map<String, Object> schema = typed("array", null);
        schema.put("items", items);
        return schema;
    }
}
