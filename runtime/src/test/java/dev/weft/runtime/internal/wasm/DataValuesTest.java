package dev.weft.runtime.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/** The data imports' wire format against a real (in-memory) SQLite: typed values, limits, malformed input. */
class DataValuesTest {

    private static byte[] params(Object... values) {
        ByteBuffer out = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN).putInt(values.length);
        for (Object value : values) {
            switch (value) {
                case null -> out.put(DataValues.NULL);
                case Long number -> out.put(DataValues.I64).putLong(number);
                case Double number -> out.put(DataValues.F64).putDouble(number);
                case String text -> {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    out.put(DataValues.TEXT).putInt(bytes.length).put(bytes);
                }
                case byte[] bytes -> out.put(DataValues.BYTES).putInt(bytes.length).put(bytes);
                default -> throw new IllegalArgumentException(value.toString());
            }
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    @Test
    void everyTypeCrossesAndComesBackTyped() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                PreparedStatement statement = connection.prepareStatement("SELECT ? AS n, ? AS i, ? AS f, ? AS t, ? AS b")) {
            DataValues.bind(statement, params(null, 42L, 1.5, "x'); DROP TABLE t; --", new byte[] {1, 2}));
            ByteBuffer rows = ByteBuffer.wrap(DataValues.encodeRows(statement.executeQuery(), 10, 1024))
                    .order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(5, rows.getInt());
            for (String column : new String[] {"n", "i", "f", "t", "b"}) {
                byte[] name = new byte[rows.getInt()];
                rows.get(name);
                assertEquals(column, new String(name, StandardCharsets.UTF_8));
            }
            assertEquals(1, rows.getInt());
            assertEquals(DataValues.NULL, rows.get());
            assertEquals(DataValues.I64, rows.get());
            assertEquals(42L, rows.getLong());
            assertEquals(DataValues.F64, rows.get());
            assertEquals(1.5, rows.getDouble());
            assertEquals(DataValues.TEXT, rows.get());
            byte[] text = new byte[rows.getInt()];
            rows.get(text);
            assertEquals("x'); DROP TABLE t; --", new String(text, StandardCharsets.UTF_8));
            assertEquals(DataValues.BYTES, rows.get());
            assertEquals(2, rows.getInt());
        }
    }

    @Test
    void aResultPastEitherLimitIsRefused() throws Exception {
        String threeRows = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3) SELECT x FROM c";
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            DataValues.TooLargeException rows = assertThrows(DataValues.TooLargeException.class,
                    () -> DataValues.encodeRows(connection.prepareStatement(threeRows).executeQuery(), 2, 1024));
            assertTrue(rows.getMessage().contains("more than 2 rows"), rows.getMessage());
            DataValues.TooLargeException bytes = assertThrows(DataValues.TooLargeException.class,
                    () -> DataValues.encodeRows(connection.prepareStatement(threeRows).executeQuery(), 10, 20));
            assertTrue(bytes.getMessage().contains("20 bytes"), bytes.getMessage());
        }
    }

    @Test
    void malformedParametersAreRefusedNotTrusted() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                PreparedStatement statement = connection.prepareStatement("SELECT ?")) {
            byte[] cut = params("hello");
            byte[] shortened = java.util.Arrays.copyOf(cut, cut.length - 2);
            assertThrows(IllegalArgumentException.class, () -> DataValues.bind(statement, shortened));
            byte[] unknownTag = {1, 0, 0, 0, 9};
            assertThrows(IllegalArgumentException.class, () -> DataValues.bind(statement, unknownTag));
            byte[] hugeLength = {1, 0, 0, 0, DataValues.TEXT, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
            assertThrows(IllegalArgumentException.class, () -> DataValues.bind(statement, hugeLength));
        }
    }
}
