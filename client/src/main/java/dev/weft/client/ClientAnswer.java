package dev.weft.client;

import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A successful answer, read as the route's return type says. */
public final class ClientAnswer {

    private final Jsonb jsonb;
    private final HttpResponse<byte[]> response;

    ClientAnswer(Jsonb jsonb, HttpResponse<byte[]> response) {
        this.jsonb = jsonb;
        this.response = response;
    }

    public int status() {
        return response.statusCode();
    }

    /** The {@code Content-Type}, or null. */
    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse(null);
    }

    public Map<String, List<String>> headers() {
        return response.headers().map();
    }

    public byte[] bytes() {
        return response.body();
    }

    public String text() {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    public <T> T json(JsonType<T> type) {
        return type.fromJson(response.body());
    }

    /** A number or boolean answered as JSON. */
    public <T> T json(Class<T> type) {
        return jsonb.type(type).fromJson(response.body());
    }
}
