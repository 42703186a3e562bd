package dev.weft.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;

/**
 * Writes {@code <Interface>Client}: an implementation of an {@code @Api} interface whose every
 * method calls the route on a server through {@code dev.weft.client.WeftClient}, so that a test or
 * another service calls the API as it would call the interface. Written only when the application
 * has {@code weft-client} on its class path. Parameters the server supplies itself (the request,
 * the principal) are not sent; credentials go through the client's {@code Authorization}.
 */
final class ClientWriter {

    static final String WEFT_CLIENT_NAME = "dev.weft.client.WeftClient";
    private static final ClassName WEFT_CLIENT = ClassName.bestGuess(WEFT_CLIENT_NAME);
    private static final ClassName CLIENT_ANSWER = ClassName.get("dev.weft.client", "ClientAnswer");

    /** The JSON adapters the client needs, by the type they read or write, with their field names. */
    private final Map<TypeName, String> jsonFields = new LinkedHashMap<>();
    private final NameAllocator fieldNames = new NameAllocator();

    JavaFile write(ApiInterface api) {
        fieldNames.newName("client");
        TypeSpec.Builder type = TypeSpec.classBuilder(api.sibling("Client"))
                .addJavadoc("Calls the routes of {@link $T} on a Weft server: each method sends its request and reads the\n"
                        + "answer; an error answer is thrown as {@code dev.weft.client.ProblemException}.\n", api.name())
                .addAnnotation(RuntimeNames.GENERATED)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(api.name())
                .addField(WEFT_CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL);
        // The methods first: they decide which JSON adapters the fields and the constructor hold.
        List<MethodSpec> methods = api.operations().stream().map(this::method).toList();
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addJavadoc("@param client the server to call\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(WEFT_CLIENT, "client")
                .addStatement("this.client = $T.requireNonNull(client, $S)", Objects.class, "client");
        jsonFields.forEach((json, field) -> {
            type.addField(ParameterizedTypeName.get(RuntimeNames.JSON_TYPE, json), field, Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$L = $L", field, jsonTypeOf(json));
        });
        type.addMethod(constructor.build()).addMethods(methods);
        return JavaFile.builder(api.name().packageName(), type.build()).skipJavaLangImports(true).build();
    }

    private MethodSpec method(Operation operation) {
        MethodSpec.Builder method = MethodSpec.overriding(operation.element());
        if (!operation.isRoute()) {
            return method.addStatement("throw new $T($S)", UnsupportedOperationException.class,
                    operation.name() + " is not a route").build();
        }
        // Local names that no parameter of the method already has.
        NameAllocator locals = new NameAllocator();
        operation.params().forEach(param -> locals.newName(param.javaName()));
        String clientField = operation.params().stream().anyMatch(param -> param.javaName().equals("client"))
                ? "this.client" : "client";
        CodeBlock.Builder call = CodeBlock.builder().add("$L.call($S, $S)", clientField,
                operation.httpMethod().toUpperCase(Locale.ROOT), operation.template().text());
        for (Param param : operation.params()) {
            switch (param.source()) {
                case PATH -> call.add("\n.path($S, $L)", param.externalName(), param.javaName());
                case QUERY -> call.add("\n.query($S, $L)", param.externalName(), param.javaName());
                case HEADER -> call.add("\n.header($S, $L)", param.externalName(), param.javaName());
                case BODY -> call.add("\n$L", body(param));
                default -> { } // the request and the principal are the server's own
            }
        }
        call.add("\n.send()");
        ValueType returns = operation.returns();
        switch (returns.kind()) {
            case VOID -> method.addStatement("$L", call.build());
            case STRING -> method.addStatement("return $L\n.text()", call.build());
            case BYTES -> method.addStatement("return $L\n.bytes()", call.build());
            case JSON, JSON_LIST -> method.addStatement("return $L\n.json($L)", call.build(), jsonField(returns.type()));
            case RESPONSE -> {
                String answer = locals.newName("answer");
                String response = locals.newName("response");
                String name = locals.newName("name");
                String values = locals.newName("values");
                String value = locals.newName("value");
                method.addStatement("$T $L = $L", CLIENT_ANSWER, answer, call.build());
                method.addStatement("$T $L = $T.status($L.status())", RuntimeNames.RESPONSE, response, RuntimeNames.RESPONSE, answer);
                method.beginControlFlow("if ($L.bytes().length > 0)", answer)
                        .addStatement("$L.body($L.contentType(), $L.bytes())", response, answer, answer)
                        .endControlFlow();
                method.addStatement("$L.headers().forEach(($L, $L) -> $L.forEach($L -> $L.header($L, $L)))",
                        answer, name, values, values, value, response, name, value);
                method.addStatement("return $L", response);
            }
            default -> method.addStatement("return $L\n.json($T.class)", call.build(), TypeName.get(returns.type()).box());
        }
        return method.build();
    }

    private CodeBlock body(Param param) {
        return switch (param.type().kind()) {
            case BYTES -> CodeBlock.of(".bytes($L)", param.javaName());
            case STRING -> CodeBlock.of(".text($L)", param.javaName());
            default -> CodeBlock.of(".json($L, $L)", jsonField(param.type().type()), param.javaName());
        };
    }

    /** The field holding the adapter of {@code type}, added the first time a method needs it. */
    private String jsonField(TypeMirror type) {
        TypeName name = TypeName.get(type);
        return jsonFields.computeIfAbsent(name, json -> fieldNames.newName(fieldName(json)));
    }

    /** {@code orderJson}, {@code orderListJson}. */
    private static String fieldName(TypeName json) {
        if (json instanceof ParameterizedTypeName list) {
            return fieldName(list.typeArguments().get(0)).replace("Json", "ListJson");
        }
        String simple = ((ClassName) json).simpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + "Json";
    }

    private static CodeBlock jsonTypeOf(TypeName json) {
        if (json instanceof ParameterizedTypeName list) {
            return CodeBlock.of("client.jsonb().type($T.class).list()", list.typeArguments().get(0));
        }
        return CodeBlock.of("client.jsonb().type($T.class)", json);
    }
}
