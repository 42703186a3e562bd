package dev.weft.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One fresh server process of a system: started on a free port with the system's start command,
 * timed from process start to its first 200 on {@code <prefix>/hello}, stopped with SIGTERM.
 * Its output goes to a log file, since no peer should print anything while serving.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final SystemSpec spec;
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Path log;
    private long pid;
    private Startup startup;

    /** Start-up time (process start to first 200) and the resident memory right after. */
    public record Startup(double millis, long idleRssKb) {}

    private ServerProcess(SystemSpec spec, Process process, int port, Path log) {
        this.spec = spec;
        this.process = process;
        this.port = port;
        this.log = log;
        this.pid = process.pid();
    }

    /** Starts the system and returns once it answers; fails with the log's tail if it does not. */
    public static ServerProcess start(SystemSpec spec, Path log) throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(log.getParent());
        Files.writeString(
                log,
                "== " + Instant.now() + " starting on port " + port + ": " + spec.start() + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", spec.start())
                .directory(spec.dir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PORT", Integer.toString(port));
        long started = System.nanoTime();
        ServerProcess server = new ServerProcess(spec, builder.start(), port, log);
        try {
            server.awaitFirstOk(started);
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public Startup startup() {
        return startup;
    }

    /** The server's own pid: the process that listens on the port (the start commands exec, so normally the shell's). */
    public long pid() {
        return pid;
    }

    public URI uri(String route) {
        return URI.create("http://127.0.0.1:" + port + spec.route(route));
    }

    public HttpClient http() {
        return http;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM to the server and anything it started; SIGKILL for what is left after a grace period. */
    @Override
    public void close() {
        List<ProcessHandle> all = process.descendants().toList();
        process.toHandle().destroy();
        all.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt(); // the caller sees the interruption at its next wait
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        http.close();
    }

    private void awaitFirstOk(long startedNanos) throws IOException, InterruptedException {
        HttpRequest hello = HttpRequest.newBuilder(uri("/hello"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = startedNanos + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException(spec.id() + " exited with status " + process.exitValue()
                        + " before answering; log:\n" + logTail());
            }
            try {
                if (http.send(hello, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    double millis = (System.nanoTime() - startedNanos) / 1e6;
                    pid = ProcFs.listeningPid(port, process.toHandle()).orElse(process.pid());
                    startup = new Startup(millis, ProcFs.rssKb(pid));
                    return;
                }
            } catch (IOException notYet) {
                // refused or reset while the server starts: poll again
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(spec.id() + " did not answer 200 on " + uri("/hello") + " within "
                        + STARTUP_TIMEOUT.toSeconds() + " s; log:\n" + logTail());
            }
            Thread.sleep(POLL_INTERVAL);
        }
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
