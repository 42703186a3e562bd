package dev.weft.maven;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * The Java a Weft build needs. The plugin's classes are compiled for Java 17 so that Maven on an
 * older JDK (Debian's default is 17) can load them and stop with this one line, rather than with a
 * class-file-version error: the projects it builds run on Helidon 4 and Weft's runtime, which need
 * 21. Maven 3.8 ignores the descriptor's requiredJavaVersion, hence the check in every goal.
 */
final class RequiredJava {

    static final int FEATURE = 21;

    private RequiredJava() {}

    /** Fails the goal when Maven runs on a Java older than {@link #FEATURE}. */
    static void check() throws MojoExecutionException {
        if (Runtime.version().feature() < FEATURE) {
            throw new MojoExecutionException(message());
        }
    }

    /** The same words as weft-application-parent's enforcer rule. */
    static String message() {
        return "Weft needs Java " + FEATURE + "+; this build runs on " + System.getProperty("java.version")
                + " (JAVA_HOME=" + System.getProperty("java.home") + "). Set JAVA_HOME to a JDK "
                + FEATURE + " or newer.";
    }
}
