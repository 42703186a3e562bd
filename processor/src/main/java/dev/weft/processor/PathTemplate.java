package dev.weft.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * A route's full path template, the interface prefix joined with the method's path, checked for
 * the shape the router understands: literal segments and whole-segment {@code {variables}}.
 */
record PathTemplate(String text, List<String> variables) {

    /** Joins {@code prefix} and {@code path}, adding the leading slashes a user may leave out. */
    static PathTemplate of(String prefix, String path) throws InvalidTemplateException {
        String joined = normalize(prefix) + normalize(path);
        String text = joined.isEmpty() ? "/" : joined;
        List<String> variables = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] segments = text.substring(1).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() && segments.length > 1) {
                throw new InvalidTemplateException("path '" + text + "' has an empty segment");
            }
            if (segment.contains("{") || segment.contains("}")) {
                String name = variableName(text, segment);
                if (!seen.add(name)) {
                    throw new InvalidTemplateException("path '" + text + "' names variable {" + name + "} twice");
                }
                variables.add(name);
            }
        }
        return new PathTemplate(text, List.copyOf(variables));
    }

    /** The template with its variables unnamed: two routes of one shape match the same requests. */
    String shape() {
        return text.replaceAll("\\{[^}/]*}", "{}");
    }

    private static String normalize(String part) {
        String trimmed = part.strip();
        if (trimmed.isEmpty() || trimmed.equals("/")) {
            return "";
        }
        String withSlash = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        return withSlash.endsWith("/") ? withSlash.substring(0, withSlash.length() - 1) : withSlash;
    }

    private static String variableName(String text, String segment) throws InvalidTemplateException {
        if (!segment.startsWith("{") || !segment.endsWith("}") || segment.indexOf('{', 1) >= 0
                || segment.indexOf('}') != segment.length() - 1) {
            throw new InvalidTemplateException(
                    "path '" + text + "': a variable must be a whole segment such as {id}, not '" + segment + "'");
        }
        String name = segment.substring(1, segment.length() - 1);
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
            throw new InvalidTemplateException(
                    "path '" + text + "': variable {" + name + "} must be named like a Java identifier");
        }
        return name;
    }

    static final class InvalidTemplateException extends Exception {
        InvalidTemplateException(String message) {
            super(message);
        }
    }
}
