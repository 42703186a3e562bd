package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An HTTP {@code POST} route. The value is a path template relative to the interface's
 * {@link Api} prefix; {@code {name}} matches one path segment and binds to the
 * {@link PathParam} of that name.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Post {

    /** Path template, for example {@code "/orders/{id}"}. */
    String value() default "";
}
