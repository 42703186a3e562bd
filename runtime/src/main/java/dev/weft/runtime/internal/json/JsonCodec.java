package dev.weft.runtime.internal.json;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Violation;
import dev.weft.runtime.json.JsonTypes;
import io.avaje.json.JsonException;
import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON for Weft: one avaje-jsonb instance whose adapters are generated at compile time, so that
 * reading and writing JSON never reflects. {@link dev.weft.runtime.json.JsonTypes} hands out its
 * types; request bodies are read here with Weft's 400 and 415 answers.
 */
public final class JsonCodec {

    private static final Jsonb JSONB = ExactNumberAdapters.register(Jsonb.builder()).build();
    private static final JsonType<Object> ANY = JSONB.type(Object.class);

    private JsonCodec() {}

    /** The JSON type of a class annotated {@code @io.avaje.jsonb.Json}. */
    public static <T> JsonType<T> type(Class<T> type) {
        try {
            return JSONB.type(type);
        } catch (RuntimeException e) {
            throw missingAdapter(type, e);
        }
    }

    /** The JSON type of a list of such a class. */
    public static <T> JsonType<List<T>> listType(Class<T> elementType) {
        return type(elementType).list();
    }

    /**
     * Called when the generated route classes are built, so at start-up: without avaje-jsonb's
     * generator the application compiles, and only this says what is missing.
     */
    private static IllegalStateException missingAdapter(Class<?> type, RuntimeException cause) {
        return new IllegalStateException("no JSON adapter for " + type.getName() + ": avaje-jsonb's generator did not"
                + " write one at compile time. Annotate the type with @io.avaje.jsonb.Json and put"
                + " io.avaje:avaje-jsonb-generator on the annotation processor path (maven-compiler-plugin's"
                + " <annotationProcessorPaths>, beside weft-processor; weft-application-parent does both)", cause);
    }

    /**
     * Parses a request's JSON body: 415 unless its {@code Content-Type} is JSON, 400 naming what is
     * wrong when the JSON is malformed or does not fit the type.
     */
    public static <T> T readBody(JsonType<T> type, Request request) {
        String contentType = request.contentType();
        if (!isJson(contentType)) {
            throw new HttpException(415, "the body must be JSON (Content-Type: application/json), not "
                    + (contentType == null ? "untyped" : contentType));
        }
        return readBody(type, request.body());
    }

    /** {@code application/json}, or any {@code +json} type, whatever the parameters. */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.startsWith("application/") && mediaType.endsWith("+json");
    }

    /**
     * Parses a body already read; malformed or mistyped JSON answers 400 naming what is wrong: a
     * value its field cannot take (an integer out of range, a fraction for an integer) as a
     * violation of that field, JSON nested deeper than {@link #MAX_DEPTH} before parsing starts.
     */
    public static <T> T readBody(JsonType<T> type, byte[] body) {
        if (body.length == 0) {
            throw HttpException.badRequest("the request body is empty; a JSON document is required");
        }
        String structure = structureProblem(body, MAX_DEPTH);
        if (isTooDeep(structure)) {
            throw HttpException.invalid(List.of(new Violation("body", "", TOO_DEEP)));
        }
        if (structure != null) {
            throw HttpException.badRequest("malformed JSON body: " + structure);
        }
        FieldTrackingReader reader = new FieldTrackingReader(JSONB.reader(body));
        try (reader) {
            T value = type.fromJson(reader);
            if (value == null) {
                throw HttpException.badRequest("the request body is JSON null; a JSON document is required");
            }
            return value;
        } catch (RejectedValue e) {
            throw HttpException.invalid(List.of(new Violation("body", reader.path(), e.getMessage())));
        } catch (JsonException e) {
            throw HttpException.badRequest("malformed JSON body: " + e.getMessage());
        } catch (HttpException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // avaje's parser has failed in other ways on malformed input (JsonBodyFuzzTest found an
            // ArrayIndexOutOfBoundsException in an unterminated string): still the client's input,
            // never a 500 with a trace.
            throw HttpException.badRequest("malformed JSON body");
        }
    }

    /**
     * The deepest nesting of arrays and objects a JSON document may have. avaje's reader recurses
     * once per level: 10,000 levels overflowed the stack (a 500 with 70 KB of trace per request).
     */
    public static final int MAX_DEPTH = 128;

    private static final String TOO_DEEP = "must not nest arrays and objects more than " + MAX_DEPTH + " levels deep";

    /**
     * What is wrong with the brackets and strings of a JSON text, found in one pass before
     * parsing: nesting deeper than {@code limit} ({@link #TOO_DEEP}), a closing bracket that does
     * not match, a bracket or string left open; null when none of these. avaje's parser accepted
     * {@code {"n":0]}} as {@code {"n":0}} (JsonBodyFuzzTest).
     */
    static String structureProblem(byte[] json, int limit) {
        byte[] open = new byte[limit];
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '[', '{' -> {
                    if (depth == limit) {
                        return TOO_DEEP;
                    }
                    open[depth++] = b;
                }
                case ']', '}' -> {
                    if (depth == 0 || open[--depth] != (b == ']' ? '[' : '{')) {
                        return "'" + (char) b + "' at byte " + i + " closes nothing it opened";
                    }
                }
                default -> { }
            }
        }
        if (inString) {
            return "a string is not closed";
        }
        return depth > 0 ? "'" + (char) open[depth - 1] + "' is not closed" : null;
    }

    /**
     * What is wrong with the structure of a JSON text a guest returned, as for a request body
     * ({@link #structureProblem(byte[], int)} at {@link #MAX_DEPTH}); null when nothing is.
     */
    public static String structureProblem(byte[] json) {
        return structureProblem(json, MAX_DEPTH);
    }

    /** Whether a {@link #structureProblem} is nesting deeper than the limit. */
    public static boolean isTooDeep(String problem) {
        return problem == TOO_DEEP;
    }

    public static <T> byte[] write(JsonType<T> type, T value) {
        return type.toJsonBytes(value);
    }

    /** Writes maps, lists, strings, numbers and booleans: for bodies Weft builds itself. */
    public static byte[] writeTree(Map<String, ?> tree) {
        return ANY.toJsonBytes(tree);
    }

    /** Writes one string, number or boolean as a JSON document. */
    public static byte[] writeValue(Object scalar) {
        return ANY.toJsonBytes(scalar);
    }
}
