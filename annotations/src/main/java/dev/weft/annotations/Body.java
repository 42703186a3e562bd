package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to the request body: {@code byte[]} as it came, {@code String} as UTF-8 text,
 * or any type annotated {@code @io.avaje.jsonb.Json} (and {@code List}s of them) parsed from JSON.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Body {}
