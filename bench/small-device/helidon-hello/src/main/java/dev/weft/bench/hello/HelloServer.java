package dev.weft.bench.hello;

import io.helidon.webserver.WebServer;

/**
 * A bare Helidon SE 4 server, the yardstick of bench/small-device.sh: {@code GET /hello} answers
 * "hi" and {@code GET /health} answers "UP", nothing else (no configuration files, no metrics, no
 * security). {@code -Dserver.host} and {@code -Dserver.port} say where it listens.
 */
public final class HelloServer {

    private HelloServer() {}

    public static void main(String[] args) {
        WebServer server = WebServer.builder()
                .host(System.getProperty("server.host", "127.0.0.1"))
                .port(Integer.getInteger("server.port", 8080))
                .routing(routing -> routing
                        .get("/hello", (request, response) -> response.send("hi"))
                        .get("/health", (request, response) -> response.send("UP")))
                .build()
                .start();
        System.out.println("helidon-hello listening on " + server.port());
    }
}
