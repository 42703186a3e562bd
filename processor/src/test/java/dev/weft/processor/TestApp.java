package dev.weft.processor;

import dev.weft.runtime.generated.RouteGroup;
import dev.weft.runtime.internal.http.Router;
import dev.weft.runtime.internal.json.JsonCodec;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The application the behaviour tests dispatch requests to: the interfaces under
 * {@code src/test/resources/app/}, compiled once per JVM by Weft's processor and avaje-jsonb's
 * generator, with Java implementations ({@code app.Implementations}) compiled beside them.
 *
 * <p>It is compiled once because avaje-jsonb finds generated adapters only when {@link JsonCodec} is
 * initialized, through the thread's context class loader: that happens here, with this
 * application's class loader as the context, before any test runs generated code.
 */
final class TestApp {

    private static final List<String> SOURCES = List.of(
            "Color", "Item", "ParamsApi", "BodiesApi", "ReturnsApi", "NamesApi", "Outer", "ValidatedApi",
            "SecuredApi", "Chains", "Implementations");

    private static TestApp instance;

    private final ClassLoader loader;

    private TestApp(ClassLoader loader) {
        this.loader = loader;
    }

    static synchronized TestApp get() {
        if (instance == null) {
            JavaFileObject[] sources = SOURCES.stream()
                    .map(name -> Sources.resource("app/" + name + ".java"))
                    .toArray(JavaFileObject[]::new);
            TestApp app = new TestApp(CompiledClasses.load(Compilers.weftAndJsonb().compile(sources)));
            app.initializeJson();
            instance = app;
        }
        return instance;
    }

    /** Runs {@code action} with the application's class loader as the thread's context, as avaje-jsonb's service lookup needs. */
    <T> T withContextLoader(java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    Class<?> load(String className) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the test application has no class " + className, e);
        }
    }

    /** A new instance of {@code app.Implementations.<simpleName>}. */
    Object implementation(String simpleName) {
        return newInstance(load("app.Implementations$" + simpleName));
    }

    /**
     * The generated {@code <routesClass>}, calling {@code implementation}; {@code more} are the
     * constructor's further arguments, such as the {@code WeftConfig} that some middleware needs.
     */
    RouteGroup routes(String routesClass, Object implementation, Object... more) {
        Class<?> routes = load(routesClass);
        Object[] arguments = new Object[more.length + 1];
        arguments[0] = implementation;
        System.arraycopy(more, 0, arguments, 1, more.length);
        try {
            return (RouteGroup) routes.getConstructors()[0].newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot create " + routesClass, e);
        }
    }

    /** A router over the routes of {@code routesClass}, calling a new {@code app.Implementations.<simpleName>}. */
    Router router(String routesClass, String implementation, Object... more) {
        return Router.of(routes(routesClass, implementation(implementation), more).routes());
    }

    private static Object newInstance(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private void initializeJson() {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class.forName(JsonCodec.class.getName(), true, JsonCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(context);
        }
        try {
            JsonCodec.type(load("app.Item"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dev.weft.runtime.internal.json.JsonCodec was initialized before the test application"
                    + " was loaded, so it lacks the application's JSON adapters; only TestApp may run generated code", e);
        }
    }
}
