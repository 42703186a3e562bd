package dev.weft.processor;

import com.palantir.javapoet.ClassName;
import dev.weft.annotations.Api;
import dev.weft.processor.ValidationReport.Checked;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads an annotated interface into an {@link ApiInterface}, each of its abstract methods with a
 * {@link MethodReader}, and reports every mistake on the element that causes it. Each method is
 * checked whole, whatever the methods before it did; an interface whose report is not clean gets
 * no generated code, so that no generated code adds errors of its own.
 */
final class ApiReader {

    private final Elements elements;
    private final MethodReader methods;

    ApiReader(Elements elements, Types types, TypeClassifier classifier, ModuleManifests manifests) {
        this.elements = elements;
        ConstraintReader constraints = new ConstraintReader(elements, types, classifier);
        this.methods = new MethodReader(classifier, new ParameterReader(classifier, constraints),
                new ChainReader(elements, types), constraints, new WasmBindingReader(manifests));
    }

    /** The interface and the report of its mistakes; nothing when it is not an interface. */
    Checked<ApiInterface> read(TypeElement type) {
        ValidationReport report = ValidationReport.about(type);
        if (type.getKind() != ElementKind.INTERFACE) {
            report.error("@Api and @WasmExport belong on interfaces; " + type.getSimpleName() + " is a "
                    + type.getKind().toString().toLowerCase(Locale.ROOT));
            return report.withNothing();
        }
        Api api = type.getAnnotation(Api.class);
        String prefix = api == null ? "" : api.value();
        List<Operation> operations = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (isAbstractInterfaceMethod(method)) {
                Operation operation = report.include(methods.read(type, method, api != null, prefix));
                if (operation != null) {
                    operations.add(operation);
                }
            }
        }
        return report.with(new ApiInterface(type, ClassName.get(type), api != null, List.copyOf(operations)));
    }

    private static boolean isAbstractInterfaceMethod(ExecutableElement method) {
        Element owner = method.getEnclosingElement();
        return method.getModifiers().contains(Modifier.ABSTRACT)
                && owner.getKind() == ElementKind.INTERFACE;
    }
}
