package dev.weft.runtime.json;

import dev.weft.runtime.internal.json.JsonCodec;
import io.avaje.jsonb.JsonType;
import java.util.List;

/**
 * The JSON types of an application's records, from the avaje-jsonb instance Weft reads and writes
 * bodies with (adapters generated at compile time; doubles read exactly). For a response built by
 * hand: {@code Response.ofJson(JsonTypes.of(Order.class), order)}.
 */
public final class JsonTypes {

    private JsonTypes() {}

    /** The JSON type of a class annotated {@code @io.avaje.jsonb.Json}. */
    public static <T> JsonType<T> of(Class<T> type) {
        return JsonCodec.type(type);
    }

    /** The JSON type of a list of such a class. */
    public static <T> JsonType<List<T>> listOf(Class<T> elementType) {
        return JsonCodec.listType(elementType);
    }
}
