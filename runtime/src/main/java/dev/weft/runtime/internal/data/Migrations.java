package dev.weft.runtime.internal.data;

import dev.weft.runtime.data.DatabaseException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Flyway migrations of one data source: the application's versioned SQL files
 * ({@code classpath:db/migration/<name>/V1__create_orders.sql}, …), then, where the data source
 * backs a key-value store, the framework's own, with a history table of their own so that the two
 * sets of versions never mix. A set whose history already holds every file, unchanged, is not
 * given to Flyway at all ({@link SchemaHistoryCheck}): the usual start of a device whose database
 * is current costs one query instead of Flyway's start-up.
 */
final class Migrations {

    static final String FRAMEWORK_HISTORY = "weft_schema_history";
    /** Flyway's default history table, that of the application's migrations. */
    static final String APPLICATION_HISTORY = "flyway_schema_history";
    private static final String FRAMEWORK_LOCATION = "classpath:weft-kv-migrations/";

    private Migrations() {}

    /** @return how many migrations were applied */
    static int run(DataSourceSettings source, DataSource pool, boolean keyValueStores) {
        ClassLoader loader = Migrations.class.getClassLoader();
        int applied = 0;
        if (!SchemaHistoryCheck.upToDate(pool, APPLICATION_HISTORY, source.migrations(), loader)) {
            applied += migrate(source, Flyway.configure(loader)
                    .dataSource(pool)
                    // The framework's own tables may already be there (from an earlier start with no
                    // migrations of the application's): they are no reason to refuse the first one.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .locations(source.migrations().toArray(String[]::new)));
        }
        String frameworkLocation = FRAMEWORK_LOCATION + source.vendor();
        if (keyValueStores && !SchemaHistoryCheck.upToDate(pool, FRAMEWORK_HISTORY, List.of(frameworkLocation), loader)) {
            applied += migrate(source, Flyway.configure(loader)
                    .dataSource(pool)
                    .table(FRAMEWORK_HISTORY)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    // A folder whose name is no Java package: on the module path a package's resources are
                    // hidden from other modules (Flyway's), a folder like this one is not.
                    .locations(frameworkLocation));
        }
        return applied;
    }

    private static int migrate(DataSourceSettings source, org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        try {
            return configuration.load().migrate().migrationsExecuted;
        } catch (FlywayException | IllegalStateException e) {
            throw new DatabaseException("data source '" + source.name() + "' (" + source.safeUrl()
                    + "): migration failed: " + DataSourceRegistry.rootMessage(e), e);
        }
    }
}
