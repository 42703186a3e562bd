package dev.weft.processor;

import javax.lang.model.element.VariableElement;

/**
 * A parameter of an interface method and where its value comes from.
 *
 * @param javaName the parameter's name in the interface
 * @param source where an HTTP request supplies it; {@code NONE} for methods that are not routes
 * @param externalName the path variable, query parameter or header it binds to
 * @param defaultValue the {@code @Default} text, or null
 * @param constraints its validation annotations
 */
record Param(
        VariableElement element,
        String javaName,
        Source source,
        String externalName,
        ValueType type,
        String defaultValue,
        Constraints constraints) {

    enum Source {
        PATH("path"),
        QUERY("query"),
        HEADER("header"),
        BODY("body"),
        REQUEST("request"),
        PRINCIPAL("principal"),
        NONE("none");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }
}
