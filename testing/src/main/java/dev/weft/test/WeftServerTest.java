package dev.weft.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the application's server once for a test class, on a free port, and stops it after the
 * class; test methods (and constructors, and lifecycle methods) take a {@link TestClient} or the
 * {@link dev.weft.runtime.WeftServer} as parameters.
 *
 * <p>The application builds its server in a public static method that takes the configuration,
 * which its {@code main} calls too:
 *
 * <pre>{@code
 * public static WeftServer.Builder configure(WeftConfig config) { ... }
 *
 * @WeftServerTest(application = MyApplication.class, properties = "weft.health.details=true")
 * class MyApplicationTest {
 *     @Test
 *     void answers(TestClient client) {
 *         assertEquals(200, client.get("/health").send().status());
 *     }
 * }
 * }</pre>
 *
 * The configuration is the application's own ({@code WeftConfig.load()}: system properties,
 * environment, {@code application.properties}) with {@code server.port=0} and {@link #properties()}
 * above it. Without an application class, register {@link WeftServerExtension#of} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(WeftServerExtension.class)
public @interface WeftServerTest {

    /** The class whose {@code public static WeftServer.Builder configure(WeftConfig)} builds the server. */
    Class<?> application();

    /** {@code key=value} settings over the application's configuration. */
    String[] properties() default {};
}
