package dev.weft.runtime.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.common.buffers.DataReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A read started ahead loses no byte, tells a closed stream, and never runs beside another read. */
class SocketReadsTest {

    private static final byte[] END = new byte[0];

    /** A socket as Helidon's reader sees it: chunks as the client sends them; null at the end of the stream. */
    private final LinkedBlockingQueue<byte[]> client = new LinkedBlockingQueue<>();
    private final SocketReads reads = new SocketReads(DataReader.create(() -> {
        try {
            byte[] chunk = client.take();
            return chunk == END ? null : chunk;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }));

    @Test
    void bytesReadAheadAreHandedToTheNextRead() throws Exception {
        client.add(bytes("GET /first"));
        assertArrayEquals(bytes("GET /first"), reads.next());

        reads.listen();
        client.add(bytes("GET /second"));
        awaitEmpty();
        assertFalse(reads.clientGone(), "a client that sends more is still there");
        assertArrayEquals(bytes("GET /second"), reads.next(), "the read ahead's bytes, not a second read");
    }

    @Test
    void theEndOfTheStreamMeansTheClientHasGone() throws Exception {
        reads.listen();
        assertFalse(reads.clientGone(), "nothing read yet");
        client.add(END);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!reads.clientGone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(reads.clientGone());
        assertThrows(RuntimeException.class, reads::next, "the next read fails as the read ahead did");
    }

    @Test
    void noReadAheadStartsWhileAReadIsInProgress() throws Exception {
        Thread reader = Thread.ofVirtual().start(reads::next);
        while (reader.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        reads.listen();
        client.add(bytes("one"));
        reader.join();
        client.add(END);
        Thread.sleep(50);
        assertFalse(reads.clientGone(), "no read ahead was started, so none saw the end");
    }

    private void awaitEmpty() throws InterruptedException {
        while (!client.isEmpty()) {
            Thread.sleep(1);
        }
        Thread.sleep(20);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
