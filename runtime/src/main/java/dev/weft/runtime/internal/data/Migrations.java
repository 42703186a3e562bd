package dev.weft.runtime.internal.data;

import dev.weft.runtime.data.DatabaseException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Flyway migrations of one data source: the application's versioned SQL files
 * ({@code classpath:db/migration/<name>/V1__create_orders.sql}, …), then, where the data source
 * backs a key-value store, the framework's own, with a history table of their own so that the two
 * sets of versions never mix.
 */
final class Migrations {

    static final String FRAMEWORK_HISTORY = "weft_schema_history";

    private Migrations() {}

    /** @return how many migrations were applied */
    static int run(DataSourceSettings source, DataSource pool, boolean keyValueStores) {
        int applied = migrate(source, Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(pool)
                // The framework's own tables may already be there (from an earlier start with no
                // migrations of the application's): they are no reason to refuse the first one.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .locations(source.migrations().toArray(String[]::new)));
        if (keyValueStores) {
            applied += migrate(source, Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(pool)
                    .table(FRAMEWORK_HISTORY)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    // A folder whose name is no Java package: on the module path a package's resources are
                    // hidden from other modules (Flyway's), a folder like this one is not.
                    .locations("classpath:weft-kv-migrations/" + source.vendor()));
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
