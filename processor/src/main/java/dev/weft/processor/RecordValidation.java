package dev.weft.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * The checks of one JSON record type's components, from which the processor writes a
 * {@code validate<Record>} method.
 */
record RecordValidation(ClassName type, List<Component> components) {

    /**
     * One checked component.
     *
     * @param nested the record type to validate inside it ({@code @Valid}), or null
     * @param nestedInList whether {@code nested} is the element type of a list
     */
    record Component(String name, Constraints constraints, ClassName nested, boolean nestedInList) {}

    /** {@code validateOrderRequest}. */
    String methodName() {
        return "validate" + String.join("", type.simpleNames());
    }
}
