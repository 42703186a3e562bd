package dev.weft.runtime.generated;

import dev.weft.runtime.http.Request;
import dev.weft.runtime.internal.json.JsonCodec;
import io.avaje.jsonb.JsonType;

/** Reads a {@code @Body} parameter's JSON. For generated code. */
public final class JsonBodies {

    private JsonBodies() {}

    /**
     * Parses a request's JSON body: 415 unless its {@code Content-Type} is JSON, 400 naming what is
     * wrong when the JSON is malformed or does not fit the type.
     */
    public static <T> T read(JsonType<T> type, Request request) {
        return JsonCodec.readBody(type, request);
    }
}
