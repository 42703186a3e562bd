package dev.weft.processor;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * An element's javadoc, as the OpenAPI document uses it: the text before the block tags, its first
 * sentence as a summary, and the {@code @param} texts. Inline tags such as {@code {@code x}} keep
 * only their text.
 *
 * @param description the main text, or null when there is no javadoc
 */
record Javadoc(String description, Map<String, String> params) {

    private static final java.util.regex.Pattern INLINE_TAG = java.util.regex.Pattern.compile("\\{@\\w+\\s*([^}]*)}");
    private static final java.util.regex.Pattern BLOCK_TAG = java.util.regex.Pattern.compile("(?m)^\\s*@[a-z]+");
    private static final java.util.regex.Pattern PARAM = java.util.regex.Pattern.compile("(?s)@param\\s+(\\S+)\\s+(.*?)(?=\\n\\s*@|$)");

    static Javadoc of(Elements elements, Element element) {
        String comment = elements.getDocComment(element);
        if (comment == null || comment.isBlank()) {
            return new Javadoc(null, Map.of());
        }
        String text = INLINE_TAG.matcher(comment).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        Matcher blockTag = BLOCK_TAG.matcher(text);
        int tags = blockTag.find() ? blockTag.start() : -1;
        String main = (tags < 0 ? text : text.substring(0, tags)).strip();
        Map<String, String> params = new HashMap<>();
        if (tags >= 0) {
            Matcher param = PARAM.matcher(text.substring(tags));
            while (param.find()) {
                params.put(param.group(1), oneLine(param.group(2)));
            }
        }
        return new Javadoc(main.isEmpty() ? null : oneLine(main), params);
    }

    /** The first sentence: up to the first period followed by a space, or all of it. */
    String summary() {
        if (description == null) {
            return null;
        }
        int end = description.indexOf(". ");
        return end < 0 ? description : description.substring(0, end + 1);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
