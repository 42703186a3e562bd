package dev.weft.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, tried as an attacker through real sockets against the packaged jar: clients that hold
 * connections or descriptors, trickle request heads, frame chunks wrongly, and requests whose
 * failures must not flood the log. Each bounded in count and time; every figure is printed.
 */
class HostileClientsIT {

    private static RunningExample server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningExample.start("-Dweft.http.request-head-timeout=PT2S");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** What a raw connection got back: all bytes until the server closed it, or until the timeout. */
    record Exchange(String text, boolean closedByServer, long millis) {
        List<String> statuses() {
            List<String> statuses = new ArrayList<>();
            Matcher status = Pattern.compile("HTTP/1\\.1 (\\d{3}) ").matcher(text);
            while (status.find()) {
                statuses.add(status.group(1));
            }
            return statuses;
        }
    }

    private static Exchange exchange(String request, int timeoutMillis) throws IOException {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            boolean closed;
            try {
                in.transferTo(read);
                closed = true;
            } catch (SocketTimeoutException stillOpen) {
                closed = false;
            } catch (IOException reset) {
                closed = true;
            }
            return new Exchange(read.toString(StandardCharsets.ISO_8859_1), closed, (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Test
    void refusesBytesOtherThanCrlfAfterChunkDataAndServesNothingSmuggledBehindThem() throws Exception {
        Exchange exchange = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + "5\r\nhelloXX0\r\n\r\nGET /hello/smuggled HTTP/1.1\r\nHost: x\r\n\r\n", 5_000);
        System.out.println("funky chunks: " + exchange.statuses() + " closed=" + exchange.closedByServer());
        assertEquals(List.of("400"), exchange.statuses(), exchange.text());
        assertTrue(exchange.closedByServer());
        assertFalse(exchange.text().contains("smuggled\""), exchange.text());
    }

    @Test
    void answersAnInvalidChunkSizeWith400AtOnce() throws Exception {
        Exchange exchange = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nzz\r\nhello\r\n", 5_000);
        System.out.println("invalid chunk size: " + exchange.statuses() + " in " + exchange.millis() + " ms");
        assertEquals(List.of("400"), exchange.statuses(), exchange.text());
        assertTrue(exchange.closedByServer(), "the connection stays open after a broken body");
        assertTrue(exchange.millis() < 3_000, exchange.millis() + " ms");
    }

    @Test
    void closesTheConnectionWhenTheClientAsksTo() throws Exception {
        for (String close : List.of("close", "Close")) {
            Exchange exchange = exchange("GET /hello/Ada HTTP/1.1\r\nHost: x\r\nConnection: " + close + "\r\n\r\n", 5_000);
            System.out.println("Connection: " + close + " -> " + exchange.statuses() + " closed in " + exchange.millis() + " ms");
            assertEquals(List.of("200"), exchange.statuses(), exchange.text());
            assertTrue(exchange.closedByServer() && exchange.millis() < 3_000, exchange.millis() + " ms");
        }
    }

    @Test
    void refusesHttp10WithA505ThatSaysWhy() throws Exception {
        Exchange exchange = exchange("GET /hello/Ada HTTP/1.0\r\n\r\n", 5_000);
        System.out.println("HTTP/1.0: " + exchange.statuses());
        assertEquals(List.of("505"), exchange.statuses(), exchange.text());
        assertTrue(exchange.text().contains("the HTTP version is not supported"), exchange.text());
        assertTrue(exchange.closedByServer());
    }

    @Test
    void closesConnectionsWhoseRequestHeadTrickles() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.getOutputStream().write("GET /hello/Ada HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
            }
            long started = System.nanoTime();
            int held = sockets.size();
            // one byte a second each, for at most 6 s: the head timeout is 2 s
            while (held > 0 && System.nanoTime() - started < 6_000_000_000L) {
                Thread.sleep(1_000);
                held = 0;
                for (Socket socket : sockets) {
                    if (stillOpen(socket)) {
                        held++;
                    }
                }
            }
            System.out.println("slowloris: " + sockets.size() + " connections, still held after "
                    + (System.nanoTime() - started) / 1_000_000 + " ms: " + held);
            assertEquals(0, held);
            assertEquals(200, server.get("/hello/Ada").statusCode());
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Writes one more header byte; false once the server has closed the connection. */
    private static boolean stillOpen(Socket socket) {
        try {
            socket.setSoTimeout(1);
            try {
                if (socket.getInputStream().read() < 0) {
                    return false;
                }
            } catch (SocketTimeoutException nothingYet) {
                // open, nothing to read
            }
            socket.getOutputStream().write('a');
            socket.getOutputStream().flush();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    @Test
    void logsExpectedFailuresOnOneLineAndUnknownMethodsLikeAnyRequest() throws Exception {
        int before = server.log().length();
        for (int i = 0; i < 10; i++) {
            assertEquals(500, server.get("/faults/trap").statusCode());
        }
        assertEquals(504, server.get("/faults/loop").statusCode());
        Exchange brew = exchange("BREW /hello/Ada HTTP/1.1\r\nHost: x\r\nX-Request-Id: brew-1\r\nConnection: close\r\n\r\n", 5_000);
        assertEquals(List.of("501"), brew.statuses());
        Thread.sleep(300);
        String log = server.log().substring(before);
        long bytes = log.getBytes(StandardCharsets.UTF_8).length;
        System.out.println("log for 10 traps, 1 timeout, 1 BREW: " + bytes + " bytes, "
                + log.lines().count() + " lines");
        assertFalse(log.contains("\tat ") || log.contains("SEVERE"), log);
        assertTrue(log.lines().filter(line -> line.contains("/faults/trap") && line.contains("answered 500")).count() == 10, log);
        assertTrue(log.contains("method=BREW route=- path=/hello/Ada status=501"), log);
        assertTrue(log.contains("request_id=brew-1"), log);
        String metrics = RunningExample.text(server.get("/metrics"));
        assertTrue(metrics.contains("method=\"OTHER\"") && metrics.contains("status=\"501\""), metrics);
    }

    @Test
    void healthSaysUpOnlyUnlessDetailsAreConfigured() throws Exception {
        HttpResponse<byte[]> health = server.get("/health");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"UP\"}", RunningExample.text(health));
    }

    /**
     * Under {@code ulimit -n 256}, 600 connections held at once: before, the accept loop ran out of
     * descriptors and Helidon's listener ended for good while the process lived on. Now the
     * server stops accepting at its cap, and answers again as soon as they are let go.
     */
    @Test
    void survivesClientsHoldingEveryDescriptor() throws Exception {
        try (RunningExample limited = RunningExample.startWithOpenFileLimit(256)) {
            Matcher cap = Pattern.compile("at most (\\d+) connections").matcher(limited.log());
            assertTrue(cap.find(), limited.log());
            List<Socket> sockets = new ArrayList<>();
            long started = System.nanoTime();
            try {
                for (int i = 0; i < 600 && System.nanoTime() - started < 20_000_000_000L; i++) {
                    try {
                        Socket socket = new Socket();
                        socket.connect(new InetSocketAddress("127.0.0.1", limited.port()), 1_000);
                        sockets.add(socket);
                    } catch (IOException queueFull) {
                        // the kernel's accept queue is full: the attacker holds all it can
                    }
                }
                Thread.sleep(1_000);
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            long released = System.nanoTime();
            int status = 0;
            while (status != 200 && System.nanoTime() - released < 15_000_000_000L) {
                try {
                    status = limited.get("/health").statusCode();
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            System.out.println("descriptors: cap " + cap.group(1) + ", " + sockets.size() + " connections held, answered "
                    + (System.nanoTime() - released) / 1_000_000 + " ms after they were let go");
            assertEquals(200, status, limited.log());
            assertTrue(limited.isAlive());
            assertFalse(limited.log().contains("terminating now"), limited.log());
        }
    }

    /**
     * With the cap lifted, the descriptors do run out and Helidon's listener ends: then the
     * process exits with 70, for a supervisor to restart it, instead of living on deaf.
     */
    @Test
    void exitsForASupervisorWhenTheListenerDiesAnyway() throws Exception {
        try (RunningExample limited = RunningExample.startWithOpenFileLimit(256, "-Dserver.max-tcp-connections=-1")) {
            List<Socket> sockets = new ArrayList<>();
            long started = System.nanoTime();
            try {
                for (int i = 0; i < 600 && limited.isAlive() && System.nanoTime() - started < 20_000_000_000L; i++) {
                    try {
                        Socket socket = new Socket();
                        socket.connect(new InetSocketAddress("127.0.0.1", limited.port()), 1_000);
                        sockets.add(socket);
                    } catch (IOException refused) {
                        // the listener is gone, or its queue full
                    }
                }
                long deadline = System.nanoTime() + 15_000_000_000L;
                while (limited.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            System.out.println("listener failure: " + sockets.size() + " connections, process alive="
                    + limited.isAlive() + " after " + (System.nanoTime() - started) / 1_000_000 + " ms");
            assertFalse(limited.isAlive(), limited.log());
            assertEquals(70, limited.exitValue(), limited.log());
            assertTrue(limited.log().contains("exiting with status 70"), limited.log());
        }
    }
}
