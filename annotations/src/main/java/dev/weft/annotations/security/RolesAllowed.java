package dev.weft.annotations.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The routes need a principal with at least one of these roles: 401 without a principal, 403 with
 * one that has none of them. On a method it replaces the interface's. Implies {@link Authenticated}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RolesAllowed {

    String[] value();
}
