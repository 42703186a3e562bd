package dev.weft.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The {@code static final} fields of a generated class that hold what is built once per class
 * rather than per request: JSON types and enum converters. Each is created on first use.
 */
final class StaticFields {

    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private final Map<String, String> patterns = new LinkedHashMap<>();

    /** The field holding the JSON type of a {@code JSON} or {@code JSON_LIST} value. */
    String json(ValueType type) {
        boolean list = type.kind() == ValueType.Kind.JSON_LIST;
        TypeName element = type.element();
        TypeName valueType = list ? ParameterizedTypeName.get(ClassName.get(List.class), element) : element;
        return field(constantName(element) + (list ? "_LIST_JSON" : "_JSON"),
                ParameterizedTypeName.get(RuntimeNames.JSON_TYPE, valueType),
                CodeBlock.of("$T.$L($T.class)", RuntimeNames.JSON_TYPES, list ? "listOf" : "of", element));
    }

    /** The field holding the converter of an enum parameter. */
    String enumConverter(ValueType type) {
        return field(constantName(type.element()) + "_PARAM",
                ParameterizedTypeName.get(RuntimeNames.PARAM_CONVERTER, type.element()),
                CodeBlock.of("$T.ofEnum($T.values())", RuntimeNames.PARAM_CONVERTER, type.element()));
    }

    /**
     * The field of this type and value, created on first use and named {@code base}, or
     * {@code base_2}… when a different value took {@code base} (a type of the same simple name in
     * another package, roles that differ only in case or punctuation).
     */
    private String field(String base, TypeName type, CodeBlock initializer) {
        String name = base;
        for (int i = 2; fields.containsKey(name); i++) {
            FieldSpec existing = fields.get(name);
            if (existing.type().equals(type) && existing.initializer().equals(initializer)) {
                return name;
            }
            name = base + "_" + i;
        }
        fields.put(name, FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(initializer)
                .build());
        return name;
    }

    /** The field holding a compiled {@code @Pattern}, named after what it checks; one per expression. */
    String pattern(String owner, String regex) {
        String existing = patterns.get(regex);
        if (existing != null) {
            return existing;
        }
        String base = constantName(ClassName.get("", owner)) + "_PATTERN";
        String name = base;
        for (int i = 2; fields.containsKey(name); i++) {
            name = base + "_" + i;
        }
        fields.put(name, FieldSpec.builder(Pattern.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.compile($S)", Pattern.class, regex)
                .build());
        patterns.put(regex, name);
        return name;
    }

    /** The field holding a security guard: {@code AUTHENTICATED}, {@code ROLES_ADMIN}. */
    String guard(ChainStep step) {
        String name = step.kind() == ChainStep.Kind.AUTHENTICATED ? "AUTHENTICATED"
                : "ROLES_" + String.join("_", step.roles()).replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
        CodeBlock initializer = step.kind() == ChainStep.Kind.AUTHENTICATED
                ? CodeBlock.of("$T.authenticated()", RuntimeNames.GUARDS)
                : CodeBlock.of("$T.rolesAllowed($L)", RuntimeNames.GUARDS, CodeBlock.join(
                        step.roles().stream().map(role -> CodeBlock.of("$S", role)).toList(), ", "));
        return field(name, RuntimeNames.GUARD, initializer);
    }

    List<FieldSpec> specs() {
        return new ArrayList<>(fields.values());
    }

    /** {@code MatmulResult} becomes {@code MATMUL_RESULT}; {@code itemCode} becomes {@code ITEM_CODE}. */
    private static String constantName(TypeName type) {
        String simple = type instanceof ClassName className
                ? String.join("_", className.simpleNames())
                : type.toString();
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
    }
}
