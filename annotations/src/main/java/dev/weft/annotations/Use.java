package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs middleware and guards around the routes of an interface, or of one method, in the order
 * given: the interface's first, then the method's. Each class implements
 * {@code dev.weft.runtime.middleware.Middleware} or {@code dev.weft.runtime.middleware.Guard} and
 * has a public constructor taking nothing or an {@code io.helidon.config.Config} (the
 * application's configuration); the generated route class creates one instance of each when it is
 * built. A class that is neither, or cannot be constructed so, is a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Use {

    Class<?>[] value();
}
