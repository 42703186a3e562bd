package dev.weft.runtime.internal.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import dev.weft.runtime.data.KeyValueStore;
import dev.weft.runtime.internal.data.DataMetrics;
import dev.weft.runtime.internal.data.DataSourceRegistry;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/**
 * The host side of the data imports ({@code weft.kv_*}, {@code weft.sql_*}, {@code weft.take_result};
 * docs/guest-abi.md, "Data"), bound to one module and its {@link DataGrants}. Each call answers a
 * number: a length or count when it worked, a negative {@link #NOT_GRANTED error code} when not;
 * bytes to hand back (a value, rows, an error message) wait for the guest's
 * {@code take_result}. Nothing here traps the guest: a missing grant or a database error is a
 * value the guest can handle, and one line in the log.
 */
final class DataImports {

    static final int ABSENT = -1;
    static final int NOT_GRANTED = -2;
    static final int INVALID = -3;
    static final int DATABASE_ERROR = -4;
    static final int TOO_LARGE = -5;

    private final String module;
    private final DataGrants grants;
    private final DataSourceRegistry dataSources;
    private final Duration timeout;
    private final Logger log;
    private final PendingResult pending = new PendingResult();

    DataImports(String module, DataGrants grants, DataSourceRegistry dataSources, Duration timeout) {
        this.module = module;
        this.grants = grants;
        this.dataSources = dataSources;
        this.timeout = timeout;
        this.log = System.getLogger("weft.wasm." + module);
    }

    static DataImports none(String module) {
        return new DataImports(module, DataGrants.none(), DataSourceRegistry.empty(), Duration.ofSeconds(10));
    }

    long[] takeResult(Instance instance, int buffer, int capacity) {
        byte[] bytes = pending.take(instance, capacity);
        if (bytes == null) {
            return new long[] {ABSENT};
        }
        if (bytes.length <= capacity) {
            instance.memory().write(buffer, bytes);
        }
        return new long[] {bytes.length};
    }

    long[] kvGet(Instance instance, long[] args) {
        return kv(instance, args, store -> {
            Optional<byte[]> value = store.get(text(instance.memory(), args[2], args[3]));
            if (value.isEmpty()) {
                return ABSENT;
            }
            return pending.put(instance, value.get());
        });
    }

    long[] kvSet(Instance instance, long[] args) {
        return kv(instance, args, store -> {
            store.set(text(instance.memory(), args[2], args[3]), instance.memory().readBytes((int) args[4], (int) args[5]));
            return 0;
        });
    }

    long[] kvDelete(Instance instance, long[] args) {
        return kv(instance, args, store -> store.delete(text(instance.memory(), args[2], args[3])) ? 1 : 0);
    }

    long[] kvExists(Instance instance, long[] args) {
        return kv(instance, args, store -> store.exists(text(instance.memory(), args[2], args[3])) ? 1 : 0);
    }

    long[] kvIncrement(Instance instance, long[] args) {
        return kv(instance, args, store -> {
            long value = store.increment(text(instance.memory(), args[2], args[3]), args[4]);
            instance.memory().writeLong((int) args[5], value);
            return 0;
        });
    }

    long[] kvKeys(Instance instance, long[] args) {
        return kv(instance, args, store -> {
            List<String> keys = store.keys(text(instance.memory(), args[2], args[3]), (int) args[4]);
            return pending.put(instance, DataValues.encodeKeys(keys));
        });
    }

    long[] sqlQuery(Instance instance, long[] args) {
        return sql(instance, args, "query",
                statement -> DataValues.encodeRows(statement.executeQuery(), grants.maxRows(), grants.maxBytes()),
                rows -> pending.put(instance, rows));
    }

    long[] sqlExecute(Instance instance, long[] args) {
        return sql(instance, args, "execute", statement -> statement.executeLargeUpdate(), affected -> {
            instance.memory().writeLong((int) args[6], affected);
            return 0;
        });
    }

    private long[] kv(Instance instance, long[] args, KvWork work) {
        pending.clear();
        String name = text(instance.memory(), args[0], args[1]);
        if (!grants.kvStores().contains(name)) {
            return error(instance, NOT_GRANTED, "key-value store '" + name + "' is not granted to this module: add it to "
                    + "weft.wasm.modules." + module + ".kv-stores");
        }
        KeyValueStore store = dataSources.stores().get(name);
        if (store == null) {
            return error(instance, NOT_GRANTED, "there is no key-value store '" + name + "': configure weft.kv-stores."
                    + name + ".datasource");
        }
        try {
            return new long[] {work.apply(store)};
        } catch (IllegalArgumentException e) {
            return error(instance, INVALID, e.getMessage());
        } catch (RuntimeException e) {
            return error(instance, DATABASE_ERROR, e.getMessage());
        }
    }

    /**
     * Runs {@code work} (JDBC only, on another thread: {@link StatementRunner}), then {@code answer}
     * on this thread, which owns the guest's memory and pending result.
     */
    private <T> long[] sql(Instance instance, long[] args, String kind, StatementRunner.Work<T> work,
            ToLongFunction<T> answer) {
        pending.clear();
        String name = text(instance.memory(), args[0], args[1]);
        if (!grants.databases().contains(name)) {
            return error(instance, NOT_GRANTED, "database '" + name + "' is not granted to this module: add it to "
                    + "weft.wasm.modules." + module + ".databases");
        }
        DataSource dataSource;
        try {
            dataSource = dataSources.dataSource(name);
        } catch (IllegalArgumentException e) {
            return error(instance, NOT_GRANTED, e.getMessage());
        }
        String sql = text(instance.memory(), args[2], args[3]);
        DataMetrics.Source meters = dataSources.metrics().forSource(name);
        long started = System.nanoTime();
        boolean ok = false;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            // The module's timeout bounds the statement on its own; the runner cancels it sooner
            // when the call's deadline interrupts this thread.
            statement.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
            DataValues.bind(statement, instance.memory().readBytes((int) args[4], (int) args[5]));
            T done = StatementRunner.run(statement, work);
            ok = true;
            return new long[] {answer.applyAsLong(done)};
        } catch (DataValues.TooLargeException e) {
            return error(instance, TOO_LARGE, "database '" + name + "': " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(instance, INVALID, "database '" + name + "': " + e.getMessage());
        } catch (SQLException | RuntimeException e) {
            return error(instance, DATABASE_ERROR, "database '" + name + "': " + e.getMessage());
        } finally {
            meters.record("guest-" + kind, ok, System.nanoTime() - started);
        }
    }

    private long[] error(Instance instance, int code, String message) {
        log.log(Level.WARNING, "[" + module + "] " + message);
        pending.put(instance, message == null ? new byte[0] : message.getBytes(StandardCharsets.UTF_8));
        return new long[] {code};
    }

    private static String text(Memory memory, long pointer, long length) {
        return new String(memory.readBytes((int) pointer, (int) length), StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface KvWork {
        long apply(KeyValueStore store);
    }

    /**
     * The bytes the last data call left for {@code take_result}: per thread (a call runs on one)
     * and per instance, so that no guest ever takes what another's call left behind.
     */
    private static final class PendingResult {

        private final ThreadLocal<Object[]> current = new ThreadLocal<>();

        int put(Instance instance, byte[] bytes) {
            current.set(new Object[] {instance, bytes});
            return bytes.length;
        }

        void clear() {
            current.remove();
        }

        /** The pending bytes, dropped once they fit the guest's buffer; null when none. */
        byte[] take(Instance instance, int capacity) {
            Object[] entry = current.get();
            if (entry == null || entry[0] != instance) {
                return null;
            }
            byte[] bytes = (byte[]) entry[1];
            if (bytes.length <= capacity) {
                current.remove();
            }
            return bytes;
        }
    }
}
