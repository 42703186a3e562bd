package dev.weft.example;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A server that cannot start says why and exits with a non-zero status, instead of living on or exiting 0. */
class StartupFailureIT {

    @Test
    void aPortInUseStopsStartUpWithAnErrorAndANonZeroExit() throws Exception {
        try (ServerSocket occupied = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = occupied.getLocalPort();
            Path jar = Path.of(System.getProperty("weft.example.jar", "target/weft-example.jar"));
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dserver.host=127.0.0.1", "-Dserver.port=" + port, "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the example kept running although port " + port + " was taken");
            }
            String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertNotEquals(0, process.exitValue(), log);
            assertTrue(log.contains("Weft cannot listen on 127.0.0.1:" + port), log);
            assertTrue(!log.contains("Weft started"), log);
        }
    }
}
