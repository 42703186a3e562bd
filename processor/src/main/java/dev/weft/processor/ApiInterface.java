package dev.weft.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * An interface the processor generates code for.
 *
 * @param isApi whether it is annotated {@code @Api}, so that it gets a route table
 */
record ApiInterface(TypeElement element, ClassName name, boolean isApi, List<Operation> operations) {

    boolean hasBindings() {
        return operations.stream().anyMatch(Operation::isBound);
    }

    /** Whether guest exports implement every method, so that the generated class is complete. */
    boolean isFullyBound() {
        return operations.stream().allMatch(Operation::isBound);
    }

    /** The name of a generated class beside the interface: {@code Outer_InnerRoutes} for a nested one. */
    ClassName sibling(String suffix) {
        return ClassName.get(name.packageName(), String.join("_", name.simpleNames()) + suffix);
    }
}
