package dev.weft.archetype;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Docker or podman, driven from a test: build an image from a folder, run it with a port
 * published, read its log, remove both. Named by the environment variable
 * {@code WEFT_CONTAINER_ENGINE} (scripts/test.sh sets {@code podman} after making the base image
 * the Dockerfiles start from, see scripts/lib/containers.sh); without it there is none.
 */
record ContainerEngine(String command) {

    private static final long TIMEOUT_MINUTES = 10;

    static Optional<ContainerEngine> fromEnvironment() {
        String command = System.getenv("WEFT_CONTAINER_ENGINE");
        return command == null || command.isBlank() ? Optional.empty() : Optional.of(new ContainerEngine(command));
    }

    /** Builds {@code context}'s Dockerfile as {@code image}; a failed build fails the test with its output. */
    void build(Path context, String image) throws Exception {
        run("build", "-t", image, context.toString());
    }

    /** Starts {@code image} in the background as {@code name}, its port 8080 on 127.0.0.1:{@code hostPort}. */
    void start(String image, String name, int hostPort) throws Exception {
        run("run", "-d", "--name", name, "-p", "127.0.0.1:" + hostPort + ":8080", image);
    }

    String logs(String name) {
        try {
            return run("logs", name);
        } catch (Exception | AssertionError e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Removes the container and the image, whatever state they are in. */
    void remove(String name, String image) {
        try {
            run("rm", "-f", name);
        } catch (Exception | AssertionError ignored) {
            // not started, or already gone
        }
        try {
            run("rmi", "-f", image);
        } catch (Exception | AssertionError ignored) {
            // not built
        }
    }

    private String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(this.command));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " took more than " + TIMEOUT_MINUTES + " minutes");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + text);
        }
        return text;
    }
}
