package dev.weft.bench.spring;

/** A query parameter that is missing or invalid; answered with 400 by {@link BadRequestAdvice}. */
class BadParameterException extends RuntimeException {

    private final String parameter;

    BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
