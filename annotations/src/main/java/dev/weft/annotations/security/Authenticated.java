package dev.weft.annotations.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The routes of this interface, or this route, need an authenticated principal: without one they
 * answer 401 with a {@code WWW-Authenticate} challenge. Checked before any {@code @Use} middleware.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authenticated {}
