package dev.weft.processor;

/**
 * The validation annotations on one parameter or record component.
 *
 * @param minLength {@code @Size(min)}, or null
 * @param maxLength {@code @Size(max)}, or null
 * @param pattern the {@code @Pattern} regular expression, or null
 * @param min {@code @Min}, or null
 * @param max {@code @Max}, or null
 */
record Constraints(
        boolean notNull, boolean notBlank, Integer minLength, Integer maxLength, String pattern, Long min, Long max,
        boolean valid) {

    static final Constraints NONE = new Constraints(false, false, null, null, null, null, null, false);

    boolean isEmpty() {
        return equals(NONE);
    }

    boolean hasSize() {
        return minLength != null;
    }
}
