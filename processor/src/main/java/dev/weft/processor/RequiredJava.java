package dev.weft.processor;

/**
 * The Java a Weft compilation needs. The processor is compiled for Java 17 so that javac on an
 * older JDK (Debian's default is 17) can load it and report this one error, rather than failing
 * with a class-file-version error: the code it generates runs on Helidon 4 and Weft's runtime,
 * which need 21.
 */
final class RequiredJava {

    static final int FEATURE = 21;

    private RequiredJava() {}

    /** The same words as weft-application-parent's enforcer rule and the Maven plugin's. */
    static String message() {
        return "Weft needs Java " + FEATURE + "+; this compiler runs on " + System.getProperty("java.version")
                + " (JAVA_HOME=" + System.getProperty("java.home") + "). Set JAVA_HOME to a JDK "
                + FEATURE + " or newer.";
    }
}
