package dev.weft.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.WeftServer;
import dev.weft.runtime.generated.JsonBodies;
import dev.weft.runtime.generated.ParamConverter;
import dev.weft.runtime.generated.RequestParameters;
import dev.weft.runtime.generated.Route;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.json.JsonTypes;
import io.avaje.jsonb.JsonType;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes the request head through a real started server: a request line and headers of the
 * fuzzer's choice, sent to routes that bind path, query and header parameters and a JSON body as
 * generated code does. Whatever arrives, the server answers below 500 (or closes the connection),
 * and goes on answering a normal request.
 *
 * <p>To fuzz: {@code JAZZER_FUZZ=1 mvn -pl runtime test -Dtest=HttpHeadFuzzTest} (runtime/README.md).
 */
class HttpHeadFuzzTest {

    private static final JsonType<Object> ANY = JsonTypes.of(Object.class);
    private static WeftServer server;

    private static synchronized WeftServer server() {
        if (server == null) {
            server = WeftServer.builder(WeftConfig.of(Map.of("server.host", "127.0.0.1", "server.port", "0",
                            "weft.http.max-body-size", "4096", "weft.http.handler-timeout", "PT5S")))
                    .routes(() -> List.of(
                            Route.get("/items/{id}", request -> {
                                RequestParameters params = new RequestParameters(request);
                                long id = params.path("id").min(0).required(ParamConverter.LONG);
                                int n = params.query("n").min(1).max(5000).orDefault("1", ParamConverter.INT);
                                double x = params.query("x").orDefault("0", ParamConverter.DOUBLE);
                                String trace = params.header("X-Trace").orDefault("-", ParamConverter.STRING);
                                params.throwIfInvalid();
                                return Response.ofText(id + " " + n + " " + x + " " + trace.length());
                            }),
                            Route.post("/items", request -> Response.ofJson(ANY, JsonBodies.read(ANY, request)))))
                    .start();
        }
        return server;
    }

    @AfterAll
    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @FuzzTest(maxDuration = "10s")
    void answersEveryHeadBelow500(FuzzedDataProvider data) throws IOException {
        String method = data.pickValue(List.of("GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE"));
        String target = data.consumeString(200);
        String headers = data.consumeRemainingAsString();
        byte[] head = (method + " " + target + " HTTP/1.1\r\nHost: fuzz\r\n" + headers + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        int status = send(head);
        assertTrue(status < 500, "answered " + status + " to:\n" + new String(head, StandardCharsets.UTF_8));
        assertEquals(200, send("GET /items/1?n=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII)), "the server still answers");
    }

    /** The status the server answered, or 0 when it closed the connection without an answer. */
    private static int send(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            if (line.isEmpty()) {
                return 0;
            }
            String[] parts = line.toString().split(" ");
            assertTrue(parts.length >= 2 && parts[0].startsWith("HTTP/1."), "a status line: " + line);
            return Integer.parseInt(parts[1]);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 10 s", e);
        } catch (java.net.SocketException reset) {
            return 0;  // the server closed a connection it would not serve
        }
    }
}
