package dev.weft.runtime.data;

import java.util.List;
import java.util.Optional;

/**
 * A named key-value store, as in Spin and wasi:keyvalue, kept in a table of a data source
 * ({@code weft_kv}, created by the framework's own migration), so that servers sharing one
 * PostgreSQL share the store. Configured by {@code weft.kv-stores.<name>.datasource}.
 *
 * <p>Keys are UTF-8 text of 1 to {@value #MAX_KEY_BYTES} bytes; values are bytes of at most
 * {@value #MAX_VALUE_BYTES}. A counter ({@link #increment}) is a key of its own kind: {@link #get}
 * reads it as its decimal text, {@link #set} turns it back into a plain value, and incrementing a
 * plain value fails. Every operation is one statement, so each is atomic on its own.
 */
public interface KeyValueStore {

    int MAX_KEY_BYTES = 256;
    int MAX_VALUE_BYTES = 1024 * 1024;
    /** The most keys one {@link #keys} call returns. */
    int MAX_KEYS = 1000;

    /** The store's name. */
    String name();

    Optional<byte[]> get(String key);

    void set(String key, byte[] value);

    /** @return whether the key was there */
    boolean delete(String key);

    boolean exists(String key);

    /** The keys that start with {@code prefix}, in byte order, at most {@code limit} (≤ {@value #MAX_KEYS}). */
    List<String> keys(String prefix, int limit);

    /**
     * Adds {@code delta} to the counter at {@code key} (absent counts as 0) in one atomic statement
     * and returns the new value.
     *
     * @throws DatabaseException when the key holds a plain value
     */
    long increment(String key, long delta);
}
