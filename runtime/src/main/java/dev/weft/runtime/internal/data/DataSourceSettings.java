package dev.weft.runtime.internal.data;

import io.helidon.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Configuration of one data source, read from {@code weft.datasources.<name>}. Secrets come from
 * the environment like every other key: {@code WEFT_DATASOURCES_ORDERS_PASSWORD} sets
 * {@code weft.datasources.orders.password}.
 *
 * <table>
 *   <caption>Data source settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code url}</td><td>{@code jdbc:sqlite:data/<name>.db}</td><td>JDBC URL: SQLite or PostgreSQL</td></tr>
 *   <tr><td>{@code user}, {@code password}</td><td>none</td><td>credentials</td></tr>
 *   <tr><td>{@code pool-size}</td><td>10 (PostgreSQL), 4 (SQLite)</td><td>connections at most</td></tr>
 *   <tr><td>{@code connection-timeout}</td><td>PT5S</td><td>how long a caller waits for a connection</td></tr>
 *   <tr><td>{@code migrations}</td><td>{@code classpath:db/migration/<name>}</td><td>Flyway locations, comma-separated;
 *       {@code {vendor}} in one stands for {@code sqlite} or {@code postgresql}</td></tr>
 * </table>
 */
public record DataSourceSettings(
        String name,
        String url,
        String user,
        String password,
        int poolSize,
        Duration connectionTimeout,
        List<String> migrations) {

    public static final String CONFIG_KEY = "weft.datasources";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    public DataSourceSettings {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(CONFIG_KEY + "." + name
                    + ": a data source name is lower-case letters, digits, '-' and '_', starting with a letter");
        }
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(key(name, "url") + ": '" + url
                    + "' is neither jdbc:sqlite:<file> nor jdbc:postgresql://<host>/<database>");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException(key(name, "pool-size") + " must be at least 1, not " + poolSize);
        }
        migrations = List.copyOf(migrations);
    }

    /** Reads the settings of data source {@code name} under {@code weft.datasources}. */
    public static DataSourceSettings from(Config dataSources, String name) {
        Config node = dataSources.get(name);
        String url = node.get("url").asString().orElse("jdbc:sqlite:data/" + name + ".db");
        boolean sqlite = url.startsWith("jdbc:sqlite:");
        List<String> migrations = new ArrayList<>();
        for (String location : node.get("migrations").asString().orElse("classpath:db/migration/" + name).split(",")) {
            if (!location.isBlank()) {
                migrations.add(location.trim().replace("{vendor}", sqlite ? "sqlite" : "postgresql"));
            }
        }
        return new DataSourceSettings(
                name,
                url,
                node.get("user").asString().orElse(null),
                node.get("password").asString().orElse(null),
                node.get("pool-size").asInt().orElse(sqlite ? 4 : 10),
                node.get("connection-timeout").as(Duration.class).orElse(Duration.ofSeconds(5)),
                migrations);
    }

    public boolean sqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    /** {@code sqlite} or {@code postgresql}: the folder of the framework's own migrations. */
    public String vendor() {
        return sqlite() ? "sqlite" : "postgresql";
    }

    /** The database file of a SQLite URL, whose folder is created when missing; null otherwise. */
    public Path sqliteFile() {
        if (!sqlite()) {
            return null;
        }
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        file = query < 0 ? file : file.substring(0, query);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
            return null;
        }
        return Path.of(file);
    }

    /** The URL without credentials, for logs and /health. */
    public String safeUrl() {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.toLowerCase(Locale.ROOT).contains("password") ? "jdbc:" + vendor() + ":…" : base;
    }

    static String key(String name, String setting) {
        return CONFIG_KEY + "." + name + "." + setting;
    }
}
