package dev.weft.runtime.internal.json;

import io.avaje.json.JsonReader;
import io.avaje.json.PropertyNames;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON reader that knows where it is: the path of the value being read, such as
 * {@code items[2].quantity}, in the form body violations use, so that a value an adapter rejects
 * is reported against its field. Everything else is delegated to avaje's reader.
 */
final class FieldTrackingReader implements JsonReader {

    private final JsonReader reader;
    /** One entry per open object (the field being read, or null) or array (the index, from 0). */
    private final List<Object> path = new ArrayList<>();

    FieldTrackingReader(JsonReader reader) {
        this.reader = reader;
    }

    /** The path of the value being read; empty at the top. */
    String path() {
        StringBuilder text = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                text.append('[').append(Math.max(index, 0)).append(']');
            } else if (step instanceof String field) {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(field);
            }
        }
        return text.toString();
    }

    private void push(Object step) {
        path.add(step);
    }

    private void pop() {
        if (!path.isEmpty()) {
            path.removeLast();
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return reader.unwrap(type);
    }

    @Override
    public void beginArray() {
        reader.beginArray();
        push(-1);
    }

    @Override
    public void endArray() {
        reader.endArray();
        pop();
    }

    @Override
    public boolean hasNextElement() {
        boolean next = reader.hasNextElement();
        if (next && !path.isEmpty() && path.getLast() instanceof Integer index) {
            path.set(path.size() - 1, index + 1);
        }
        return next;
    }

    @Override
    public void beginObject(PropertyNames names) {
        reader.beginObject(names);
        push(new ObjectStart());
    }

    @Override
    public void beginObject() {
        reader.beginObject();
        push(new ObjectStart());
    }

    @Override
    public void endObject() {
        reader.endObject();
        pop();
    }

    @Override
    public boolean hasNextField() {
        return reader.hasNextField();
    }

    @Override
    public String nextField() {
        String field = reader.nextField();
        if (!path.isEmpty() && !(path.getLast() instanceof Integer)) {
            path.set(path.size() - 1, field);
        }
        return field;
    }

    @Override
    public boolean isNullValue() {
        return reader.isNullValue();
    }

    @Override
    public boolean readBoolean() {
        return reader.readBoolean();
    }

    @Override
    public int readInt() {
        return reader.readInt();
    }

    @Override
    public long readLong() {
        return reader.readLong();
    }

    @Override
    public double readDouble() {
        return reader.readDouble();
    }

    @Override
    public BigDecimal readDecimal() {
        return reader.readDecimal();
    }

    @Override
    public BigInteger readBigInteger() {
        return reader.readBigInteger();
    }

    @Override
    public String readString() {
        return reader.readString();
    }

    @Override
    public byte[] readBinary() {
        return reader.readBinary();
    }

    @Override
    public String readRaw() {
        return reader.readRaw();
    }

    @Override
    public String location() {
        return reader.location();
    }

    @Override
    public Token currentToken() {
        return reader.currentToken();
    }

    @Override
    public void close() {
        reader.close();
    }

    @Override
    public void skipValue() {
        reader.skipValue();
    }

    @Override
    public void unmappedField(String fieldName) {
        reader.unmappedField(fieldName);
    }

    /** An object whose first field is not read yet. */
    private static final class ObjectStart {}
}
