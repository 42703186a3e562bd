package dev.weft.runtime.internal.json;

import io.avaje.json.JsonDataException;

/**
 * A well-formed JSON value that its Java type cannot take, such as {@code 4294967297} for an
 * {@code int}: reported as a violation of the field it was read for, {@code message} completing
 * "body field 'quantity' …".
 */
final class RejectedValue extends JsonDataException {

    RejectedValue(String message) {
        super(message);
    }
}
