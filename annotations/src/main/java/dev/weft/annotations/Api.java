package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose methods are HTTP routes. The annotation processor generates a
 * {@code <Interface>Routes} class from it: a route table plus the glue that binds each request to
 * a method call.
 *
 * <pre>{@code
 * @Api("/greetings")
 * public interface GreetingApi {
 *     @Get("/{name}")
 *     String greet(@PathParam("name") String name);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Api {

    /** Path prefix of every route in the interface, for example {@code "/api"}; empty for none. */
    String value() default "";
}
