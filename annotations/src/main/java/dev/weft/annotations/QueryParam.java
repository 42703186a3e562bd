package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to a query parameter. It is required unless it has a {@link Default} or is an
 * {@link java.util.Optional}; a missing or malformed value answers 400.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface QueryParam {

    /** The query parameter's name; defaults to the parameter's name. */
    String value() default "";
}
