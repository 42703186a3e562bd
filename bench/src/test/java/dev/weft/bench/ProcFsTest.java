package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reads this test's own JVM through /proc, as the harness reads a server's. */
class ProcFsTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void readsResidentAndPeakMemory() throws Exception {
        long rss = ProcFs.rssKb(SELF);
        assertTrue(rss > 1_000, "RSS " + rss);
        assertTrue(ProcFs.peakRssKb(SELF) >= rss);
    }

    @Test
    void findsTheProcessListeningOnAPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(Optional.of(SELF), ProcFs.listeningPid(socket.getLocalPort(), ProcessHandle.current()));
        }
    }

    @Test
    void aPortNobodyListensOnHasNoOwner() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertEquals(Optional.empty(), ProcFs.listeningPid(port, ProcessHandle.current()));
    }
}
