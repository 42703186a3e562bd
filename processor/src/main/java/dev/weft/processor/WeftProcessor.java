package dev.weft.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.weft.annotations.Api;
import dev.weft.annotations.WasmExport;
import dev.weft.annotations.Delete;
import dev.weft.annotations.Get;
import dev.weft.annotations.Patch;
import dev.weft.annotations.Post;
import dev.weft.annotations.Put;
import dev.weft.processor.ValidationReport.Checked;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Weft's annotation processor. For every {@code @Api} interface it writes {@code <Interface>Routes},
 * a route table with a handler per route; for every interface with {@code @WasmExport} methods it
 * writes {@code <Interface>Wasm}, which calls the bound guest exports. Both are plain Java calls:
 * nothing is looked up or reflected on when a request arrives.
 *
 * <p>Mistakes are compile errors on the element that makes them: duplicate routes, path variables
 * without parameters, unsupported types, bindings to modules or exports that do not exist or do
 * not fit.
 */
@AutoService(Processor.class)
public final class WeftProcessor extends AbstractProcessor {

    private static final List<Class<? extends Annotation>> ROUTE_ANNOTATIONS =
            List.of(Get.class, Post.class, Put.class, Delete.class, Patch.class);

    /** Routes already declared in this compilation, by method and path shape, to find duplicates. */
    private final Map<String, Operation> routesByShape = new HashMap<>();

    /** The OpenAPI document of the compilation's routes, written when the last round is over. */
    private OpenApiWriter openApi;

    /** Set when javac runs on a Java older than 21: the one error is reported, nothing is generated. */
    private boolean javaTooOld;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        javaTooOld = Runtime.version().feature() < RequiredJava.FEATURE;
        if (javaTooOld) {
            environment.getMessager().printMessage(Diagnostic.Kind.ERROR, RequiredJava.message());
        }
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> types = new LinkedHashSet<>(List.of(Api.class.getCanonicalName(), WasmExport.class.getCanonicalName()));
        ROUTE_ANNOTATIONS.forEach(route -> types.add(route.getCanonicalName()));
        return types;
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(ModuleManifests.OPTION, OpenApiWriter.TITLE_OPTION, OpenApiWriter.VERSION_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (javaTooOld) {
            return false;
        }
        if (round.processingOver()) {
            writeOpenApi();
            return false;
        }
        Set<TypeElement> interfaces = new LinkedHashSet<>();
        for (Element element : round.getElementsAnnotatedWith(Api.class)) {
            interfaces.add((TypeElement) element);
        }
        for (Element method : round.getElementsAnnotatedWith(WasmExport.class)) {
            interfaces.add((TypeElement) method.getEnclosingElement());
        }
        // A route in an interface without @Api is a mistake to report, not a method to ignore.
        for (Class<? extends Annotation> route : ROUTE_ANNOTATIONS) {
            for (Element method : round.getElementsAnnotatedWith(route)) {
                interfaces.add((TypeElement) method.getEnclosingElement());
            }
        }
        if (interfaces.isEmpty()) {
            return false;
        }

        ApiReader reader = new ApiReader(
                processingEnv.getElementUtils(),
                processingEnv.getTypeUtils(),
                new TypeClassifier(processingEnv.getTypeUtils()),
                new ModuleManifests(processingEnv.getFiler(), processingEnv.getOptions().get(ModuleManifests.OPTION)));
        for (TypeElement type : interfaces) {
            Checked<ApiInterface> api = reader.read(type);
            api.report().printTo(processingEnv.getMessager());
            if (api.isClean()) {
                ValidationReport routes = duplicateRoutes(api.value());
                routes.printTo(processingEnv.getMessager());
                if (routes.isClean()) {
                    generate(api.value());
                    openApi().add(api.value());
                }
            }
        }
        return false;
    }

    /** A route that answers what a route read before it (of this interface or another) answers is an error. */
    private ValidationReport duplicateRoutes(ApiInterface api) {
        ValidationReport report = ValidationReport.about(api.element());
        for (Operation operation : api.operations()) {
            if (!operation.isRoute()) {
                continue;
            }
            String shape = operation.httpMethod() + " " + operation.template().shape();
            Operation first = routesByShape.putIfAbsent(shape, operation);
            if (first != null && first != operation) {
                report.error("duplicate route: " + MethodReader.describe(operation.element()) + " and "
                        + MethodReader.describe(first.element()) + " both answer " + operation.route(),
                        operation.element());
            }
        }
        return report;
    }

    private void generate(ApiInterface api) {
        if (api.isApi()) {
            write(new RoutesWriter().write(api), api);
        }
        if (api.hasBindings()) {
            write(new WasmWriter().write(api), api);
        }
        // A typed client for applications that have weft-client: generated code must compile without it.
        if (api.isApi() && processingEnv.getElementUtils().getTypeElement(ClientWriter.WEFT_CLIENT_NAME) != null) {
            write(new ClientWriter().write(api), api);
        }
    }

    private OpenApiWriter openApi() {
        if (openApi == null) {
            TypeClassifier classifier = new TypeClassifier(processingEnv.getTypeUtils());
            openApi = new OpenApiWriter(processingEnv.getElementUtils(), new JsonSchemas(processingEnv.getElementUtils(),
                    processingEnv.getTypeUtils(),
                    new ConstraintReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), classifier)));
        }
        return openApi;
    }

    private void writeOpenApi() {
        if (openApi == null || openApi.isEmpty()) {
            return;
        }
        Map<String, String> options = processingEnv.getOptions();
        try {
            openApi.writeTo(processingEnv.getFiler(), options.getOrDefault(OpenApiWriter.TITLE_OPTION, "Weft API"),
                    options.getOrDefault(OpenApiWriter.VERSION_OPTION, "0.0.0"));
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Weft could not write " + OpenApiWriter.RESOURCE + ": " + e.getMessage());
        }
    }

    private void write(JavaFile file, ApiInterface api) {
        try {
            file.writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Weft could not write " + file.packageName() + "." + file.typeSpec().name() + ": " + e.getMessage(),
                    api.element());
        }
    }
}
