package dev.weft.runtime.internal.server;

import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Sits between a connection's socket and Helidon's HTTP/1 parser, and checks the framing of the
 * byte stream where Helidon is lenient: after the data of a chunk only CRLF may follow (Helidon
 * skips any two bytes, which lets a smuggled request through), a chunk size is hexadecimal digits
 * ending in CRLF (answered 400 at once, not after the client gives up), the last chunk ends with
 * CRLF, a request head must arrive whole within the head timeout (slowloris), and a request
 * with {@code Connection: close} is the connection's last: Helidon 4.5 answers it with
 * {@code Connection: close} but goes on reading, so the next read after it ends the connection.
 *
 * <p>It reads the request heads only for their framing ({@code Content-Length},
 * {@code Transfer-Encoding}); Helidon still parses and validates them. Bytes are handed on up to
 * the first one that breaks the framing; the next read fails with a 400 that does not keep the
 * connection, so nothing after a violation is ever parsed as a request. A head whose framing it
 * cannot tell (two lengths, a transfer coding other than chunked last) is passed on for Helidon to
 * refuse, and nothing after it is read.
 */
final class FramingGuard implements Supplier<byte[]> {

    /** Longer chunk-size lines are refused; Helidon refuses chunk extensions anyway. */
    private static final int MAX_CHUNK_LINE = 64;
    /** Only this much of a header line is kept to look at; longer ones are Helidon's to refuse. */
    private static final int MAX_KEPT_LINE = 256;

    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_CR, CHUNK_LF, LAST_CR, LAST_LF, STOP, CLOSE }

    private final SocketReads source;
    private State state = State.HEAD;
    private long remaining;
    private final StringBuilder line = new StringBuilder();
    private boolean lineTooLong;
    private boolean requestLineSeen;
    private long contentLength;
    private int contentLengths;
    private String transferEncoding;
    private boolean closeRequested;
    private boolean closeAfterThisRequest;
    private RequestException failure;
    /** When the head now awaited began (its first byte, or the connection's start); 0 between heads. */
    private volatile long headStartedNanos;
    private volatile boolean expired;
    /** A request head has been read and its body has not all come through yet. */
    private volatile boolean bodyPending;

    FramingGuard(SocketReads source) {
        this.source = source;
        this.headStartedNanos = System.nanoTime();
    }

    /** Nanos since the head being read began, or -1 when no head is being read. */
    long headAgeNanos(long now) {
        long started = headStartedNanos;
        return started == 0 ? -1 : now - started;
    }

    void expire() {
        expired = true;
    }

    /**
     * Whether the current request's bytes have all been read off the socket, so that nothing
     * reads from it until the next request: only then may a {@link ClientWatch} read ahead.
     */
    boolean requestFullyRead() {
        return !bodyPending;
    }

    @Override
    public byte[] get() {
        if (failure != null) {
            throw failure;
        }
        if (state == State.CLOSE) {
            throw closing();
        }
        if (expired) {
            throw fail("the request head did not arrive in time");
        }
        byte[] bytes = source.next();
        int valid = scan(bytes);
        if (valid == bytes.length) {
            return bytes;
        }
        if (valid == 0) {
            throw failure != null ? failure : closing();
        }
        return Arrays.copyOf(bytes, valid);
    }

    /** Advances the state over {@code bytes}; returns how many may be handed on. */
    private int scan(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            switch (state) {
                case HEAD -> {
                    if (headStartedNanos == 0) {
                        headStartedNanos = System.nanoTime();
                    }
                    byte b = bytes[i];
                    if (b == '\n') {
                        headLine();
                    } else if (line.length() < MAX_KEPT_LINE) {
                        line.append((char) (b & 0xff));
                    } else {
                        lineTooLong = true;
                    }
                    i++;
                }
                case BODY, CHUNK_DATA -> {
                    int take = (int) Math.min(remaining, bytes.length - i);
                    i += take;
                    remaining -= take;
                    if (remaining == 0) {
                        state = state == State.BODY ? requestDone() : State.CHUNK_CR;
                    }
                }
                case CHUNK_SIZE -> {
                    byte b = bytes[i];
                    if (b == '\n') {
                        if (!chunkSize()) {
                            return i;
                        }
                    } else if (line.length() >= MAX_CHUNK_LINE) {
                        failure = fail("the chunk size line is too long");
                        return i;
                    } else {
                        line.append((char) (b & 0xff));
                    }
                    i++;
                }
                case CHUNK_CR, LAST_CR -> {
                    if (bytes[i] != '\r') {
                        failure = fail(state == State.CHUNK_CR ? "chunk data is not followed by CRLF"
                                : "the last chunk is not followed by CRLF (trailers are not supported)");
                        return i;
                    }
                    state = state == State.CHUNK_CR ? State.CHUNK_LF : State.LAST_LF;
                    i++;
                }
                case CHUNK_LF, LAST_LF -> {
                    if (bytes[i] != '\n') {
                        failure = fail("a chunk's CR is not followed by LF");
                        return i;
                    }
                    state = state == State.CHUNK_LF ? State.CHUNK_SIZE : requestDone();
                    i++;
                }
                case CLOSE -> {
                    // bytes after a request that asked to close: never read
                    return i;
                }
                case STOP -> {
                    failure = fail("the request's framing is ambiguous");
                    return i;
                }
            }
        }
        return i;
    }

    private void headLine() {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(--length);
        }
        if (length == 0 && !lineTooLong) {
            if (requestLineSeen) {
                endOfHead();
            }
            // an empty line before the request line is tolerated (RFC 9112, 2.2)
        } else if (!requestLineSeen) {
            requestLineSeen = true;
        } else if (!lineTooLong) {
            header(line.toString());
        }
        line.setLength(0);
        lineTooLong = false;
    }

    private void header(String header) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        if (name.equals("content-length")) {
            contentLengths++;
            try {
                contentLength = value.isEmpty() || !value.chars().allMatch(Character::isDigit) ? -1 : Long.parseLong(value);
            } catch (NumberFormatException tooLong) {
                contentLength = -1;
            }
        } else if (name.equals("connection")) {
            for (String token : value.split(",")) {
                closeRequested |= token.trim().equalsIgnoreCase("close");
            }
        } else if (name.equals("transfer-encoding")) {
            transferEncoding = transferEncoding == null ? value : transferEncoding + "," + value;
        }
    }

    private void endOfHead() {
        headStartedNanos = 0;
        requestLineSeen = false;
        closeAfterThisRequest = closeRequested;
        closeRequested = false;
        if (transferEncoding != null) {
            String[] codings = transferEncoding.split(",");
            boolean chunkedLast = codings[codings.length - 1].trim().equalsIgnoreCase("chunked");
            state = chunkedLast && contentLengths == 0 ? State.CHUNK_SIZE : State.STOP;
        } else if (contentLengths > 1 || contentLength < 0) {
            state = State.STOP;
        } else if (contentLengths == 1 && contentLength > 0) {
            state = State.BODY;
            remaining = contentLength;
        } else {
            state = requestDone();
        }
        contentLength = 0;
        contentLengths = 0;
        transferEncoding = null;
        // A body yet to come, or framing Helidon is to refuse: either way the socket is not done with.
        bodyPending = state != State.HEAD && state != State.CLOSE;
    }

    /**
     * The state after a request's last byte: the next head, or the end of the connection when the
     * request said {@code Connection: close} (Helidon 4.5 answers with {@code Connection: close}
     * but would go on reading).
     */
    private State requestDone() {
        bodyPending = false;
        if (closeAfterThisRequest) {
            closeAfterThisRequest = false;
            headStartedNanos = 0;
            return State.CLOSE;
        }
        return State.HEAD;
    }

    private static CloseConnectionException closing() {
        return new CloseConnectionException("the client asked to close the connection");
    }

    /** Parses the chunk size line in {@code line}; false (and a failure) when it is not one. */
    private boolean chunkSize() {
        int length = line.length();
        if (length < 2 || line.charAt(length - 1) != '\r') {
            failure = fail("the chunk size line does not end with CRLF");
            return false;
        }
        long size = 0;
        for (int i = 0; i < length - 1; i++) {
            int digit = Character.digit(line.charAt(i), 16);
            if (digit < 0 || i >= 8) {
                failure = fail("the chunk size is not a hexadecimal number");
                return false;
            }
            size = size * 16 + digit;
        }
        if (size > Integer.MAX_VALUE) {
            failure = fail("the chunk size is too large");
            return false;
        }
        line.setLength(0);
        if (size == 0) {
            state = State.LAST_CR;
        } else {
            state = State.CHUNK_DATA;
            remaining = size;
        }
        return true;
    }

    private static RequestException fail(String message) {
        return RequestException.builder()
                .type(EventType.BAD_REQUEST)
                .status(Status.BAD_REQUEST_400)
                .setKeepAlive(false)
                .message(message)
                .build();
    }
}
