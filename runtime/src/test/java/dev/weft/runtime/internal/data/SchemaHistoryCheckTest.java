package dev.weft.runtime.internal.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check that lets start-up skip Flyway: true right after Flyway itself migrated the same files
 * (so the checksums agree with Flyway's), false whenever a migrate could still do or refuse
 * something.
 */
class SchemaHistoryCheckTest {

    private static final String HISTORY = "flyway_schema_history";

    @TempDir
    Path folder;
    private HikariDataSource database;
    private Path classes;
    private URLClassLoader loader;

    @BeforeEach
    void database() throws Exception {
        database = new HikariDataSource();
        database.setJdbcUrl("jdbc:sqlite:" + folder.resolve("check.db"));
        classes = Files.createDirectories(folder.resolve("classes"));
        // A byte-order mark, Windows line breaks and non-ASCII text: what Flyway's checksum normalises.
        write("mig/V1__items.sql", "\uFEFFcreate table items (id integer primary key, name text);\r\n-- café\r\n");
        write("mig/V2_1__more.sql", "alter table items add column price integer;\n\ninsert into items values (1, 'a', 2);\n");
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    }

    @AfterEach
    void close() throws Exception {
        loader.close();
        database.close();
    }

    @Test
    void aHistoryThatFlywayJustWroteIsCurrent() {
        migrate(loader);
        assertTrue(current(loader));
    }

    @Test
    void theMigrationsInsideAJarAreReadToo() throws Exception {
        Path jar = folder.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.sorted().toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                out.putNextEntry(new JarEntry(Files.isDirectory(file) ? name + "/" : name));
                if (Files.isRegularFile(file)) {
                    out.write(Files.readAllBytes(file));
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader fromJar = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            migrate(fromJar);
            assertTrue(current(fromJar));
        }
    }

    @Test
    void aNewDatabaseIsNotCurrent() {
        assertFalse(current(loader));
    }

    @Test
    void aMigrationAddedSinceTheLastStartIsLeftToFlyway() throws Exception {
        migrate(loader);
        write("mig/V3__later.sql", "create table later (id integer);\n");
        assertFalse(current(loader));
    }

    @Test
    void anAppliedFileThatChangedIsLeftToFlywaysValidation() throws Exception {
        migrate(loader);
        write("mig/V1__items.sql", "create table items (id integer primary key, name text, extra text);\n");
        assertFalse(current(loader));
    }

    @Test
    void anAppliedFileThatIsGoneIsLeftToFlyway() throws Exception {
        migrate(loader);
        Files.delete(classes.resolve("mig/V2_1__more.sql"));
        assertFalse(current(loader));
    }

    @Test
    void aFailedRowIsLeftToFlyway() throws Exception {
        migrate(loader);
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update " + HISTORY + " set success = 0 where version = '2.1'");
        }
        assertFalse(current(loader));
    }

    @Test
    void aRepeatableMigrationIsLeftToFlyway() throws Exception {
        write("mig/R__view.sql", "create view if not exists names as select name from items;\n");
        migrate(loader);
        assertFalse(current(loader));
    }

    @Test
    void aLocationOutsideTheClasspathIsLeftToFlyway() {
        migrate(loader);
        assertFalse(SchemaHistoryCheck.upToDate(database, HISTORY, List.of("filesystem:" + classes.resolve("mig")), loader));
        assertFalse(SchemaHistoryCheck.upToDate(database, HISTORY, List.of("classpath:no/such/folder"), loader));
    }

    private boolean current(ClassLoader classLoader) {
        return SchemaHistoryCheck.upToDate(database, HISTORY, List.of("classpath:mig"), classLoader);
    }

    private void migrate(ClassLoader classLoader) {
        Flyway.configure(classLoader).dataSource(database).locations("classpath:mig").load().migrate();
    }

    private void write(String name, String content) throws Exception {
        Path file = classes.resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
