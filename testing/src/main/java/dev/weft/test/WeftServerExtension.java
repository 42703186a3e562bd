package dev.weft.test;

import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.WeftServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link WeftServerTest}: starts a server on a free port before a test
 * class, stops it after, and resolves {@link TestClient} and {@link WeftServer} parameters. Use it
 * directly when a test builds the server itself:
 *
 * <pre>{@code
 * @RegisterExtension
 * static WeftServerExtension server = WeftServerExtension.of(
 *         config -> WeftServer.builder(config).routes(new GreetingApiRoutes(new GreetingService())));
 * }</pre>
 */
public final class WeftServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WeftServerExtension.class);
    private static final String CONFIGURE = "configure";

    private final Function<WeftConfig, WeftServer.Builder> application;
    private final Map<String, String> properties;

    /** Used through {@link WeftServerTest}, which names the application. */
    public WeftServerExtension() {
        this(null, Map.of());
    }

    private WeftServerExtension(Function<WeftConfig, WeftServer.Builder> application, Map<String, String> properties) {
        this.application = application;
        this.properties = properties;
    }

    /**
     * Starts the server {@code application} builds from the configuration ({@code WeftConfig.load()}
     * with {@code server.port=0} and {@code properties}, each {@code key=value}, above it).
     */
    public static WeftServerExtension of(Function<WeftConfig, WeftServer.Builder> application, String... properties) {
        return new WeftServerExtension(Objects.requireNonNull(application, "application"), parse(properties));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Function<WeftConfig, WeftServer.Builder> builder = application;
        Map<String, String> overrides = new LinkedHashMap<>(properties);
        if (builder == null) {
            WeftServerTest test = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WeftServerTest.class)
                    .orElseThrow(() -> new ExtensionConfigurationException(
                            "annotate the test class with @WeftServerTest(application = ...), or register WeftServerExtension.of(...)"));
            builder = configureMethodOf(test.application());
            overrides.putAll(parse(test.properties()));
        }
        overrides.putIfAbsent("server.port", "0");
        WeftServer server = builder.apply(WeftConfig.load().with(overrides)).start();
        context.getStore(NAMESPACE).put(WeftServer.class, new Running(server));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestClient.class || type == WeftServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).get(WeftServer.class, Running.class);
        if (running == null) {
            throw new ExtensionConfigurationException("no Weft server was started for " + context.getDisplayName());
        }
        return parameter.getParameter().getType() == TestClient.class ? running.client() : running.server();
    }

    /** The application's {@code public static WeftServer.Builder configure(WeftConfig)}, as a function. */
    private static Function<WeftConfig, WeftServer.Builder> configureMethodOf(Class<?> application) {
        Method method;
        try {
            method = application.getMethod(CONFIGURE, WeftConfig.class);
        } catch (NoSuchMethodException e) {
            throw missingConfigure(application);
        }
        if (!Modifier.isStatic(method.getModifiers()) || method.getReturnType() != WeftServer.Builder.class) {
            throw missingConfigure(application);
        }
        return config -> {
            try {
                return (WeftServer.Builder) method.invoke(null, config);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(application.getName() + ".configure failed", e.getCause());
            } catch (IllegalAccessException e) {
                throw new ExtensionConfigurationException(application.getName() + ".configure is not accessible: "
                        + e.getMessage() + " (is its package exported, and the class public?)", e);
            }
        };
    }

    private static ExtensionConfigurationException missingConfigure(Class<?> application) {
        return new ExtensionConfigurationException(application.getName()
                + " has no public static WeftServer.Builder configure(WeftConfig) method for @WeftServerTest to build the server with");
    }

    private static Map<String, String> parse(String... properties) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String property : properties) {
            int equals = property.indexOf('=');
            if (equals <= 0) {
                throw new ExtensionConfigurationException("a property is key=value, not '" + property + "'");
            }
            parsed.put(property.substring(0, equals).trim(), property.substring(equals + 1).trim());
        }
        return parsed;
    }

    /** A started server and its client; JUnit closes it when the test class is done. */
    private record Running(WeftServer server, TestClient client) implements AutoCloseable {

        Running(WeftServer server) {
            this(server, new TestClient(URI.create("http://localhost:" + server.port())));
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
