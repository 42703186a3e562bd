package dev.weft.example;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged example jar, started as a separate process the way a user starts it
 * ({@code java -jar target/weft-example.jar}) on a free port, and called over real HTTP.
 */
final class RunningExample implements AutoCloseable {

    private static final JsonType<Object> JSON = Jsonb.builder().build().type(Object.class);

    private final Process process;
    private final int port;
    private final StringBuffer log = new StringBuffer();
    // HTTP/1.1: with HTTP/2 the JDK client holds concurrent requests back while it tries to upgrade the first.
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final long startedNanos;
    private final Thread logCopier;
    private long firstOkNanos;

    private RunningExample(Process process, int port, long startedNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
        this.logCopier = Thread.ofVirtual().start(() -> copyLog(process.getInputStream()));
    }

    /** Starts the jar that the build packaged, with extra system properties, and waits until it answers. */
    static RunningExample start(String... systemProperties) throws Exception {
        return start(Map.of(), systemProperties);
    }

    /** The same, with extra environment variables. */
    static RunningExample start(Map<String, String> environment, String... systemProperties) throws Exception {
        return start(environment, List.of(), systemProperties);
    }

    /**
     * The same, with jars added to the class path: the server then starts from its main class
     * rather than with {@code -jar}, which would ignore them.
     */
    static RunningExample start(Map<String, String> environment, List<Path> extraClasspath, String... systemProperties)
            throws Exception {
        Path jar = Path.of(System.getProperty("weft.example.jar", "target/weft-example.jar"));
        assertTrue(Files.isRegularFile(jar), "the packaged jar " + jar + " is missing; run mvn package first");
        List<String> launch = new ArrayList<>();
        if (extraClasspath.isEmpty()) {
            launch.add("-jar");
            launch.add(jar.toString());
        } else {
            List<String> classpath = new ArrayList<>(List.of(jar.toString()));
            extraClasspath.forEach(entry -> classpath.add(entry.toString()));
            launch.add("-cp");
            launch.add(String.join(java.io.File.pathSeparator, classpath));
            launch.add(ExampleApplication.class.getName());
        }
        return launch(environment, launch, systemProperties);
    }

    /**
     * Starts the example as a Java module: its plain jar and its dependencies' jars
     * ({@code target/modules}) on the module path, the main class named by module.
     */
    static RunningExample startOnModulePath(String... systemProperties) throws Exception {
        Path plainJar = Path.of(System.getProperty("weft.example.plain-jar", "target/weft-example-0.1.0-SNAPSHOT.jar"));
        Path modules = Path.of("target/modules");
        assertTrue(Files.isRegularFile(plainJar) && Files.isDirectory(modules),
                plainJar + " or " + modules + " is missing; run mvn package first");
        List<String> launch = List.of("--module-path", plainJar + java.io.File.pathSeparator + modules,
                "--module", "dev.weft.example/" + ExampleApplication.class.getName());
        return launch(Map.of(), launch, systemProperties);
    }

    /**
     * The jar under an open-file limit, as {@code ulimit -n} in a shell sets it: what a process
     * with few descriptors does when clients take them all.
     */
    static RunningExample startWithOpenFileLimit(int openFiles, String... systemProperties) throws Exception {
        Path jar = Path.of(System.getProperty("weft.example.jar", "target/weft-example.jar"));
        assertTrue(Files.isRegularFile(jar), "the packaged jar " + jar + " is missing; run mvn package first");
        return launch(Map.of(), List.of("-jar", jar.toString()), openFiles, systemProperties);
    }

    private static RunningExample launch(Map<String, String> environment, List<String> launch, String... systemProperties)
            throws Exception {
        return launch(environment, launch, 0, systemProperties);
    }

    private static RunningExample launch(Map<String, String> environment, List<String> launch, int openFiles,
            String... systemProperties) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        if (openFiles > 0) {
            // exec: the shell becomes the JVM, so that the process's pid and signals stay the server's
            command.addAll(List.of("bash", "-c", "ulimit -n " + openFiles + " && exec \"$0\" \"$@\""));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dserver.port=" + port);
        command.add("-Dserver.host=127.0.0.1");
        command.addAll(List.of(systemProperties));
        command.addAll(launch);
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Each server keeps its data in a folder of its own unless the test names one (to restart on it).
        builder.environment().put("EXAMPLE_DATA_DIR", Files.createTempDirectory("weft-example-data").toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        RunningExample example = new RunningExample(process, port, started);
        example.awaitHealthy(Duration.ofSeconds(60));
        return example;
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("the example exited with " + process.exitValue() + " before answering:\n" + log);
            }
            try {
                if (get("/health").statusCode() == 200) {
                    firstOkNanos = System.nanoTime();
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        close();
        fail("the example did not answer /health within " + timeout + ":\n" + log);
    }

    /** Milliseconds from starting the process to its first 200 answer. */
    long millisToFirstOk() {
        return (firstOkNanos - startedNanos) / 1_000_000;
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<byte[]> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** An answer read off a raw socket: for requests that java.net.http cannot send, malformed ones. */
    record RawResponse(int status, Map<String, String> headers, String body) {}

    /**
     * Writes {@code request} as is to a new connection and reads one response: the status line,
     * the headers (names in lower case) and the body of its Content-Length.
     */
    RawResponse raw(byte[] request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            String statusLine = line(in);
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), header.substring(colon + 1).trim());
            }
            byte[] body = new byte[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
            in.readFully(body);
            return new RawResponse(Integer.parseInt(statusLine.split(" ")[1]), headers,
                    new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed in the middle of a line: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Sends SIGTERM, as a service manager does, and waits for the process to end. */
    int terminate(Duration timeout) throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of its output.
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("the example did not stop within " + timeout + " of SIGTERM:\n" + log);
        }
        logCopier.join(5_000);
        return process.exitValue();
    }

    /** SIGKILL, as a crash or {@code kill -9}: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
        logCopier.join(5_000);
    }

    int exitValue() {
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String log() {
        return log.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<byte[]> response) {
        return (Map<String, Object>) JSON.fromJson(response.body());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String body) {
        return (Map<String, Object>) JSON.fromJson(body);
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private void copyLog(InputStream output) {
        byte[] buffer = new byte[8192];
        try (output) {
            int read;
            while ((read = output.read(buffer)) >= 0) {
                log.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
