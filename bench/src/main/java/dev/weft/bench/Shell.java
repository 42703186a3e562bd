package dev.weft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the systems file's version commands and the like. */
public final class Shell {

    private Shell() {}

    /**
     * Runs a command with /bin/sh in {@code dir} and returns its output's first line, or a note
     * saying it failed: a missing version must show in the report, not stop the run.
     */
    public static String firstLine(Path dir, String command) {
        try {
            Process process = new ProcessBuilder("/bin/sh", "-c", command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "unknown (" + command + " failed: " + output + ")";
            }
            return output.lines().findFirst().orElse("");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }
}
