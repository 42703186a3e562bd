package dev.weft.runtime.internal.data;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for tests: {@code initdb} in a temporary folder, {@code pg_ctl start}
 * on a free port of 127.0.0.1, stopped and deleted by {@link #close}. It needs Debian's
 * {@code postgresql} (scripts/test.sh installs it; the binaries are looked for in
 * {@code weft.pg.bin}, {@code WEFT_PG_BIN}, then the newest {@code /usr/lib/postgresql/<v>/bin}).
 * PostgreSQL refuses to run as root, so under root it runs as the user {@code postgres} (or
 * {@code nobody}) through {@code runuser}.
 *
 * <p>Public, in the runtime's test-jar, so that the example's end-to-end tests run on the same
 * server (example/pom.xml depends on {@code weft-runtime:test-jar}).
 */
public final class PostgresServer implements AutoCloseable {

    private static final String USER = "weft";

    private final Path bin;
    private final Path folder;
    private final int port;
    private final List<String> asUser;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path folder, int port, List<String> asUser) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asUser = asUser;
    }

    public static PostgresServer start() throws Exception {
        Path bin = binaries();
        Path folder = Files.createTempDirectory("weft-pg-");
        List<String> asUser = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            String user = userExists("postgres") ? "postgres" : "nobody";
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            run(List.of("chown", user, folder.toString()));
            asUser = List.of("runuser", "-u", user, "--");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, folder, port, asUser);
        Path data = folder.resolve("data");
        server.runAs(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        server.runAs(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c max_connections=200",
                "start");
        return server;
    }

    /** A new empty database's settings, for {@code weft.datasources.<name>.*}. */
    public Map<String, String> freshDatabase() throws SQLException {
        String name = "test" + databases.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return Map.of("url", url(name), "user", USER, "password", "");
    }

    /** Runs one statement as the server's superuser, on its {@code postgres} database. */
    public void execute(String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException {
        try {
            runAs(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void runAs(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(asUser);
        full.addAll(List.of(command));
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static boolean userExists(String user) throws IOException, InterruptedException {
        return new ProcessBuilder("id", user).start().waitFor() == 0;
    }

    private static Path binaries() throws IOException {
        String configured = System.getProperty("weft.pg.bin", System.getenv("WEFT_PG_BIN"));
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured, "initdb"))) {
                throw new IllegalStateException("no PostgreSQL initdb in " + configured + " (WEFT_PG_BIN or weft.pg.bin): "
                        + "install PostgreSQL with weft_use_postgresql (scripts/lib/toolchain.sh), which sets WEFT_PG_BIN");
            }
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path newest = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparingInt(bin -> versionOf(bin.getParent())))
                        .orElse(null);
                if (newest != null) {
                    return newest;
                }
            }
        }
        throw new IllegalStateException("no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql: "
                + "install them with weft_use_postgresql (scripts/lib/toolchain.sh; scripts/test.sh and CI call it),"
                + " or set WEFT_PG_BIN to their folder");
    }

    private static int versionOf(Path folder) {
        try {
            return Integer.parseInt(folder.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
