package dev.weft.processor;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as indented JSON: all the
 * OpenAPI document needs, so that the processor carries no JSON library.
 */
final class JsonText {

    private final StringBuilder out = new StringBuilder();

    private JsonText() {}

    static String write(Object tree) {
        JsonText text = new JsonText();
        text.value(tree, 0);
        return text.out.append('\n').toString();
    }

    private void value(Object value, int depth) {
        // Not a pattern switch: the processor is compiled for Java 17 (see its pom).
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            string(string);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(map, depth);
        } else if (value instanceof List<?> list) {
            array(list, depth);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private void object(Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        // Maps without an order of their own (Map.of) are written sorted, so that a build is reproducible.
        Map<?, ?> ordered = map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?> ? map : new TreeMap<>(map);
        Iterator<? extends Map.Entry<?, ?>> entries = ordered.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            newline(depth + 1);
            string(entry.getKey().toString());
            out.append(": ");
            value(entry.getValue(), depth + 1);
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        newline(depth);
        out.append('}');
    }

    private void array(List<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            newline(depth + 1);
            value(list.get(i), depth + 1);
            if (i < list.size() - 1) {
                out.append(',');
            }
        }
        newline(depth);
        out.append(']');
    }

    private void newline(int depth) {
        out.append('\n').append("  ".repeat(depth));
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
