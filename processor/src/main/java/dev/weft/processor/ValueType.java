package dev.weft.processor;

import com.palantir.javapoet.TypeName;
import javax.lang.model.type.TypeMirror;

/**
 * How a Java parameter or return type crosses HTTP and the wasm boundary.
 *
 * @param kind what the type is to Weft
 * @param type the Java type as declared
 * @param element the type inside {@code Optional} or {@code List}, or the type itself
 * @param optional whether it was declared as {@code Optional<element>}
 */
record ValueType(Kind kind, TypeMirror type, TypeName element, boolean optional) {

    enum Kind {
        INT("an integer"),
        LONG("an integer"),
        FLOAT("a number"),
        DOUBLE("a number"),
        BOOLEAN("a boolean"),
        STRING("a string"),
        ENUM("an enum"),
        BYTES("bytes"),
        JSON("JSON"),
        JSON_LIST("a JSON list"),
        REQUEST("the request"),
        PRINCIPAL("the principal"),
        RESPONSE("a response"),
        VOID("nothing"),
        UNSUPPORTED("unsupported");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** Path, query and header values: text converted to a number, boolean, string or enum. */
    boolean isScalar() {
        return switch (kind) {
            case INT, LONG, FLOAT, DOUBLE, BOOLEAN, STRING, ENUM -> true;
            default -> false;
        };
    }

    /** Values that cross into a guest as bytes in its memory. */
    boolean isByteLike() {
        return switch (kind) {
            case BYTES, STRING, JSON, JSON_LIST -> true;
            default -> false;
        };
    }

    boolean isNumeric() {
        return switch (kind) {
            case INT, LONG, FLOAT, DOUBLE -> true;
            default -> false;
        };
    }
}
