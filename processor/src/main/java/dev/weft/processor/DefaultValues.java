package dev.weft.processor;

import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/**
 * Checks {@code @Default} values at compile time by the rules the runtime's {@code ParamConverter}
 * applies to request values, so that a default can never fail at run time.
 */
final class DefaultValues {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private DefaultValues() {}

    static boolean fits(ValueType type, String text, Element parameter) {
        try {
            return switch (type.kind()) {
                case INT -> {
                    Integer.parseInt(text);
                    yield true;
                }
                case LONG -> {
                    Long.parseLong(text);
                    yield true;
                }
                case FLOAT, DOUBLE -> DECIMAL.matcher(text).matches() && Double.isFinite(Double.parseDouble(text));
                case BOOLEAN -> text.equals("true") || text.equals("false");
                case STRING -> true;
                case ENUM -> enumConstant(parameter, text);
                default -> false;
            };
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String expectation(ValueType type, Element parameter) {
        return switch (type.kind()) {
            case INT -> "an int";
            case LONG -> "a long";
            case FLOAT, DOUBLE -> "a decimal number";
            case BOOLEAN -> "true or false";
            case ENUM -> "a constant of " + ((DeclaredType) parameter.asType()).asElement().getSimpleName();
            default -> type.kind().description;
        };
    }

    /** Whether a number, given as valid default text, lies within the bounds. */
    static boolean withinBounds(ValueType type, String text, Long min, Long max) {
        if (type.kind() == ValueType.Kind.INT || type.kind() == ValueType.Kind.LONG) {
            long value = Long.parseLong(text); // exactly, as the runtime compares integers
            return (min == null || value >= min) && (max == null || value <= max);
        }
        double value = type.kind() == ValueType.Kind.FLOAT ? (float) Double.parseDouble(text) : Double.parseDouble(text);
        return (min == null || value >= min) && (max == null || value <= max);
    }

    private static boolean enumConstant(Element parameter, String text) {
        TypeElement type = (TypeElement) ((DeclaredType) parameter.asType()).asElement();
        return type.getEnclosedElements().stream()
                .anyMatch(member -> member.getKind() == ElementKind.ENUM_CONSTANT
                        && member.getSimpleName().contentEquals(text));
    }
}
