package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to a request header (matched case-insensitively). Required unless it has a
 * {@link Default} or is an {@link java.util.Optional}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface HeaderParam {

    /** The header's name, for example {@code "X-Request-Id"}. */
    String value();
}
