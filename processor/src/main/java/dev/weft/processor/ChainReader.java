package dev.weft.processor;

import com.palantir.javapoet.ClassName;
import dev.weft.annotations.Use;
import dev.weft.annotations.security.Authenticated;
import dev.weft.annotations.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Messager;
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
import javax.tools.Diagnostic;

/**
 * Reads the chain of a route: the security guards first ({@code @RolesAllowed} on the method
 * replaces the interface's; {@code @Authenticated} on either applies), then the {@code @Use}
 * classes of the interface and of the method, in the order written. Checks that each class is a
 * middleware or a guard that the generated code can construct.
 */
final class ChainReader {

    static final String MIDDLEWARE = "dev.weft.runtime.middleware.Middleware";
    static final String GUARD = "dev.weft.runtime.middleware.Guard";
    static final String CONFIG = "io.helidon.config.Config";

    private final Elements elements;
    private final Types types;
    private final Messager messager;
    private final Set<List<Object>> reported = new HashSet<>();

    ChainReader(Elements elements, Types types, Messager messager) {
        this.elements = elements;
        this.types = types;
        this.messager = messager;
    }

    /** The steps, or empty after reporting an error. */
    Optional<List<ChainStep>> read(TypeElement api, ExecutableElement method) {
        List<ChainStep> steps = new ArrayList<>();
        RolesAllowed roles = Optional.ofNullable(method.getAnnotation(RolesAllowed.class))
                .orElse(api.getAnnotation(RolesAllowed.class));
        if (roles != null) {
            if (roles.value().length == 0) {
                error(method, ApiReader.describe(method) + ": @RolesAllowed needs at least one role");
                return Optional.empty();
            }
            steps.add(ChainStep.roles(Arrays.asList(roles.value())));
        } else if (api.getAnnotation(Authenticated.class) != null || method.getAnnotation(Authenticated.class) != null) {
            steps.add(ChainStep.authenticated());
        }
        boolean valid = true;
        for (Element declaring : List.of(api, method)) {
            for (TypeMirror type : useClasses(declaring)) {
                Optional<ChainStep> step = classStep(declaring, type);
                valid &= step.isPresent();
                step.ifPresent(steps::add);
            }
        }
        return valid ? Optional.of(List.copyOf(steps)) : Optional.empty();
    }

    private Optional<ChainStep> classStep(Element declaring, TypeMirror type) {
        TypeElement element = (TypeElement) types.asElement(type);
        String name = element.getQualifiedName().toString();
        boolean middleware = implementsType(type, MIDDLEWARE);
        boolean guard = implementsType(type, GUARD);
        if (middleware == guard) {
            error(declaring, "@Use(" + element.getSimpleName() + ".class): " + name + " must implement exactly one of "
                    + MIDDLEWARE + " and " + GUARD);
            return Optional.empty();
        }
        if (element.getKind() != ElementKind.CLASS || element.getModifiers().contains(Modifier.ABSTRACT)
                || !element.getModifiers().contains(Modifier.PUBLIC) || isInnerClass(element)) {
            error(declaring, "@Use(" + element.getSimpleName() + ".class): " + name
                    + " cannot be constructed: it must be a public, non-abstract, top-level or static class");
            return Optional.empty();
        }
        Boolean takesConfig = constructor(element);
        if (takesConfig == null) {
            error(declaring, "@Use(" + element.getSimpleName() + ".class): " + name + " cannot be constructed: give it a"
                    + " public constructor taking no parameters or one " + CONFIG);
            return Optional.empty();
        }
        return Optional.of(new ChainStep(middleware ? ChainStep.Kind.MIDDLEWARE : ChainStep.Kind.GUARD,
                ClassName.get(element), List.of(), takesConfig));
    }

    /** FALSE for a public no-argument constructor, TRUE for one taking Config, null for neither. */
    private Boolean constructor(TypeElement element) {
        Boolean found = null;
        for (ExecutableElement constructor : ElementFilter.constructorsIn(element.getEnclosedElements())) {
            if (!constructor.getModifiers().contains(Modifier.PUBLIC)) {
                continue;
            }
            if (constructor.getParameters().isEmpty()) {
                return false;
            }
            if (constructor.getParameters().size() == 1
                    && types.asElement(constructor.getParameters().get(0).asType()) instanceof TypeElement parameter
                    && parameter.getQualifiedName().contentEquals(CONFIG)) {
                found = true;
            }
        }
        return found;
    }

    private static boolean isInnerClass(TypeElement element) {
        return element.getNestingKind().isNested() && !element.getModifiers().contains(Modifier.STATIC);
    }

    private boolean implementsType(TypeMirror type, String qualifiedName) {
        TypeElement target = elements.getTypeElement(qualifiedName);
        return target != null && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
    }

    /** The classes of {@code @Use} on an element, read from the mirror: they may not be compiled yet. */
    private static List<TypeMirror> useClasses(Element element) {
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            if (((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(Use.class.getCanonicalName())) {
                List<TypeMirror> classes = new ArrayList<>();
                annotation.getElementValues().forEach((key, value) -> {
                    if (key.getSimpleName().contentEquals("value")) {
                        for (Object item : (List<?>) value.getValue()) {
                            classes.add((DeclaredType) ((AnnotationValue) item).getValue());
                        }
                    }
                });
                return classes;
            }
        }
        return List.of();
    }

    /** The interface's @Use is read for each of its routes: report each of its errors once. */
    private void error(Element element, String message) {
        if (reported.add(List.of(element, message))) {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element);
        }
    }
}
