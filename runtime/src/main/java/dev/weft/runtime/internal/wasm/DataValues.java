package dev.weft.runtime.internal.wasm;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The wire format of values between guests and the data imports (docs/guest-abi.md, "Data"),
 * little-endian: a value is a tag byte, {@code 0} null, {@code 1} i64 (8 bytes), {@code 2} f64
 * (8 bytes), {@code 3} text or {@code 4} bytes (u32 length, then the bytes). Parameters are a u32
 * count and the values; rows are a u32 column count, each column's name (u32 length, UTF-8), a u32
 * row count, then the values row by row.
 */
final class DataValues {

    static final byte NULL = 0;
    static final byte I64 = 1;
    static final byte F64 = 2;
    static final byte TEXT = 3;
    static final byte BYTES = 4;

    private DataValues() {}

    /** Binds the encoded parameters to the statement's {@code ?} in order. */
    static void bind(PreparedStatement statement, byte[] encoded) throws SQLException {
        if (encoded.length == 0) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int count = in.getInt();
            for (int index = 1; index <= count; index++) {
                byte tag = in.get();
                switch (tag) {
                    case NULL -> statement.setNull(index, Types.NULL);
                    case I64 -> statement.setLong(index, in.getLong());
                    case F64 -> statement.setDouble(index, in.getDouble());
                    case TEXT -> statement.setString(index, new String(bytes(in), StandardCharsets.UTF_8));
                    case BYTES -> statement.setBytes(index, bytes(in));
                    default -> throw new IllegalArgumentException("parameter " + index + " has an unknown type tag " + tag);
                }
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("the parameters have " + in.remaining() + " bytes past their end");
            }
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the parameters end in the middle of a value");
        }
    }

    /** The rows of a query, refused as soon as they pass either limit. */
    static byte[] encodeRows(ResultSet rows, int maxRows, long maxBytes) throws SQLException {
        try (rows) {
            Output out = new Output(maxBytes);
            ResultSetMetaData meta = rows.getMetaData();
            int columns = meta.getColumnCount();
            out.u32(columns);
            for (int column = 1; column <= columns; column++) {
                out.sized(meta.getColumnLabel(column).getBytes(StandardCharsets.UTF_8));
            }
            int countAt = out.size();
            out.u32(0);
            int count = 0;
            while (rows.next()) {
                if (++count > maxRows) {
                    throw new TooLargeException("the query returned more than " + maxRows + " rows (db-max-rows)");
                }
                for (int column = 1; column <= columns; column++) {
                    out.value(rows.getObject(column));
                }
            }
            byte[] bytes = out.toByteArray();
            ByteBuffer.wrap(bytes, countAt, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(count);
            return bytes;
        }
    }

    /** A list of keys: a u32 count, then each key's length and UTF-8 bytes. */
    static byte[] encodeKeys(List<String> keys) {
        Output out = new Output(Long.MAX_VALUE);
        out.u32(keys.size());
        keys.forEach(key -> out.sized(key.getBytes(StandardCharsets.UTF_8)));
        return out.toByteArray();
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a parameter's length " + length + " passes the end of the parameters");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** A result past the call's limits. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message);
        }
    }

    private static final class Output extends ByteArrayOutputStream {

        private final long maxBytes;

        Output(long maxBytes) {
            super(256);
            this.maxBytes = maxBytes;
        }

        void u32(int value) {
            check(4);
            write(value);
            write(value >>> 8);
            write(value >>> 16);
            write(value >>> 24);
        }

        void u64(long value) {
            u32((int) value);
            u32((int) (value >>> 32));
        }

        void sized(byte[] bytes) {
            u32(bytes.length);
            check(bytes.length);
            writeBytes(bytes);
        }

        /** JDBC's objects as the wire's types: integers as i64, other numbers as f64. */
        void value(Object value) {
            check(1);
            switch (value) {
                case null -> write(NULL);
                case Long number -> integer(number);
                case Integer number -> integer(number);
                case Short number -> integer(number);
                case Byte number -> integer(number);
                case Boolean bool -> integer(bool ? 1 : 0);
                case BigInteger number when number.bitLength() < 64 -> integer(number.longValue());
                case BigDecimal number when isLong(number) -> integer(number.longValueExact());
                case Number number -> {
                    write(F64);
                    u64(Double.doubleToRawLongBits(number.doubleValue()));
                }
                case byte[] bytes -> {
                    write(BYTES);
                    sized(bytes);
                }
                default -> {
                    write(TEXT);
                    sized(value.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        private void integer(long value) {
            write(I64);
            u64(value);
        }

        private static boolean isLong(BigDecimal number) {
            try {
                number.longValueExact();
                return true;
            } catch (ArithmeticException notAnInteger) {
                return false;
            }
        }

        private void check(long more) {
            if (size() + more > maxBytes) {
                throw new TooLargeException("the query's rows pass " + maxBytes + " bytes (db-max-bytes)");
            }
        }
    }
}
