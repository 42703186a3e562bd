package dev.weft.processor;

import com.palantir.javapoet.ClassName;
import dev.weft.annotations.Use;
import dev.weft.annotations.security.Authenticated;
import dev.weft.annotations.security.RolesAllowed;
import dev.weft.processor.ValidationReport.Checked;
import java.util.ArrayList;
import java.util.Set;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the chain of a route: the security guards first ({@code @RolesAllowed} on the method
 * replaces the interface's; {@code @Authenticated} on either applies), then the {@code @Use}
 * classes of the interface and of the method, in the order written. Checks that each class is a
 * middleware or a guard that the generated code can construct.
 */
final class ChainReader {

    static final String MIDDLEWARE = "dev.weft.runtime.middleware.Middleware";
    static final String GUARD = "dev.weft.runtime.middleware.Guard";
    static final String CONFIG = "dev.weft.runtime.WeftConfig";

    private final Elements elements;
    private final Types types;

    ChainReader(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * The steps of a route, with the report of what is wrong with them. The interface's
     * {@code @Use} is read again for each route; the report prints its errors once.
     */
    Checked<List<ChainStep>> read(TypeElement api, ExecutableElement method) {
        ValidationReport report = ValidationReport.about(method);
        List<ChainStep> steps = new ArrayList<>();
        RolesAllowed roles = Optional.ofNullable(method.getAnnotation(RolesAllowed.class))
                .orElse(api.getAnnotation(RolesAllowed.class));
        if (roles != null) {
            if (roles.value().length == 0) {
                report.error(MethodReader.describe(method) + ": @RolesAllowed needs at least one role");
                return report.withNothing();
            }
            steps.add(ChainStep.roles(Arrays.asList(roles.value())));
        } else if (api.getAnnotation(Authenticated.class) != null || method.getAnnotation(Authenticated.class) != null) {
            steps.add(ChainStep.authenticated());
        }
        for (Element declaring : List.of(api, method)) {
            Optional<AnnotationMirror> use = useAnnotation(declaring);
            if (use.isEmpty()) {
                continue;
            }
            for (TypeMirror type : useClasses(use.get())) {
                ChainStep step = report.include(classStep(new Site(declaring, use.get()), type));
                if (step != null) {
                    steps.add(step);
                }
            }
        }
        return report.with(List.copyOf(steps));
    }

    /** Where a {@code @Use} is written: errors about its classes point at the annotation. */
    private record Site(Element element, AnnotationMirror annotation) {

        void error(ValidationReport report, String message) {
            report.error(message, element, annotation);
        }
    }

    /** The step of one class named in a {@code @Use}, or nothing when the generated code cannot construct it. */
    private Checked<ChainStep> classStep(Site declaring, TypeMirror type) {
        ValidationReport report = ValidationReport.about(declaring.element());
        TypeElement element = (TypeElement) types.asElement(type);
        String name = element.getQualifiedName().toString();
        boolean middleware = implementsType(type, MIDDLEWARE);
        boolean guard = implementsType(type, GUARD);
        if (middleware == guard) {
            declaring.error(report, "@Use(" + element.getSimpleName() + ".class): " + name + " must implement exactly one of "
                    + MIDDLEWARE + " and " + GUARD);
            return report.withNothing();
        }
        if (element.getKind() != ElementKind.CLASS || element.getModifiers().contains(Modifier.ABSTRACT)
                || !element.getModifiers().contains(Modifier.PUBLIC) || isInnerClass(element)) {
            declaring.error(report, "@Use(" + element.getSimpleName() + ".class): " + name
                    + " cannot be constructed: it must be a public, non-abstract, top-level or static class");
            return report.withNothing();
        }
        Optional<TypeElement> hidden = hiddenEnclosingClass(element, declaring.element());
        if (hidden.isPresent()) {
            declaring.error(report, "@Use(" + element.getSimpleName() + ".class): " + name + " cannot be constructed by the"
                    + " generated routes: its enclosing class " + hidden.get().getQualifiedName() + " is not visible to"
                    + " them; make it public");
            return report.withNothing();
        }
        ExecutableElement constructor = constructor(element);
        if (constructor == null) {
            declaring.error(report, "@Use(" + element.getSimpleName() + ".class): " + name + " cannot be constructed: give it a"
                    + " public constructor taking no parameters or one " + CONFIG);
            return report.withNothing();
        }
        List<String> checked = constructor.getThrownTypes().stream().filter(this::isChecked).map(TypeMirror::toString).toList();
        if (!checked.isEmpty()) {
            declaring.error(report, "@Use(" + element.getSimpleName() + ".class): the constructor of " + name + " throws the"
                    + " checked " + String.join(", ", checked) + ", which the generated routes cannot handle; throw an"
                    + " unchecked exception instead");
            return report.withNothing();
        }
        boolean takesConfig = !constructor.getParameters().isEmpty();
        return report.with(new ChainStep(middleware ? ChainStep.Kind.MIDDLEWARE : ChainStep.Kind.GUARD,
                ClassName.get(element), List.of(), takesConfig));
    }

    /** The public constructor the generated code calls: the no-argument one, else the one taking Config; or null. */
    private ExecutableElement constructor(TypeElement element) {
        ExecutableElement found = null;
        for (ExecutableElement constructor : ElementFilter.constructorsIn(element.getEnclosedElements())) {
            if (!constructor.getModifiers().contains(Modifier.PUBLIC)) {
                continue;
            }
            if (constructor.getParameters().isEmpty()) {
                return constructor;
            }
            if (constructor.getParameters().size() == 1
                    && types.asElement(constructor.getParameters().get(0).asType()) instanceof TypeElement parameter
                    && parameter.getQualifiedName().contentEquals(CONFIG)) {
                found = constructor;
            }
        }
        return found;
    }

    private boolean isChecked(TypeMirror thrown) {
        return !implementsType(thrown, RuntimeException.class.getName()) && !implementsType(thrown, Error.class.getName());
    }

    /**
     * An enclosing class that the generated routes, a top-level class in the package of
     * {@code user}'s interface, cannot see: a private one, or a package-private one of another package.
     */
    private Optional<TypeElement> hiddenEnclosingClass(TypeElement element, Element user) {
        String routesPackage = elements.getPackageOf(user).getQualifiedName().toString();
        for (Element outer = element.getEnclosingElement(); outer instanceof TypeElement type;
                outer = outer.getEnclosingElement()) {
            boolean samePackage = elements.getPackageOf(type).getQualifiedName().contentEquals(routesPackage);
            Set<Modifier> modifiers = type.getModifiers();
            boolean visible = modifiers.contains(Modifier.PUBLIC)
                    || (samePackage && !modifiers.contains(Modifier.PRIVATE))
                    || type.getKind() == ElementKind.INTERFACE; // an interface's members are public
            if (!visible) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static boolean isInnerClass(TypeElement element) {
        return element.getNestingKind().isNested() && !element.getModifiers().contains(Modifier.STATIC);
    }

    private boolean implementsType(TypeMirror type, String qualifiedName) {
        TypeElement target = elements.getTypeElement(qualifiedName);
        return target != null && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
    }

    private static Optional<AnnotationMirror> useAnnotation(Element element) {
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            if (((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(Use.class.getCanonicalName())) {
                return Optional.of(annotation);
            }
        }
        return Optional.empty();
    }

    /** The classes of a {@code @Use}, read from the mirror: they may not be compiled yet. */
    private static List<TypeMirror> useClasses(AnnotationMirror use) {
        List<TypeMirror> classes = new ArrayList<>();
        use.getElementValues().forEach((key, value) -> {
            if (key.getSimpleName().contentEquals("value")) {
                for (Object item : (List<?>) value.getValue()) {
                    classes.add((DeclaredType) ((AnnotationValue) item).getValue());
                }
            }
        });
        return classes;
    }
}
