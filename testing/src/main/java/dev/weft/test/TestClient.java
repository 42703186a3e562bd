package dev.weft.test;

import dev.weft.runtime.http.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A client of a server that {@link WeftServerTest} started: requests over real HTTP to
 * {@link #baseUri()}, read back as {@link TestResponse}s.
 *
 * <pre>{@code
 * TestResponse hello = client.get("/hello/Ada").send();
 * }</pre>
 *
 * For anything this does not cover, {@link #http()} is the underlying {@code java.net.http}
 * client and {@link #uri(String)} the address of a path.
 */
public final class TestClient implements TestRequests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI baseUri;
    private final HttpClient http;

    TestClient(URI baseUri) {
        this.baseUri = baseUri;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    /** {@code http://localhost:<port>}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The port the server listens on. */
    public int port() {
        return baseUri.getPort();
    }

    /** The address of a target such as {@code /hello/Ada?x=1} on this server. */
    public URI uri(String target) {
        return URI.create(baseUri + target);
    }

    /** The {@code java.net.http} client this one sends with. */
    public HttpClient http() {
        return http;
    }

    @Override
    public TestRequest request(HttpMethod method, String target) {
        return new TestRequest(method, target, this::send);
    }

    private TestResponse send(TestRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request.target()))
                .timeout(TIMEOUT)
                .method(request.method().name(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, String> header : request.headers()) {
            builder.header(header.getKey(), header.getValue());
        }
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new TestResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request + " to " + baseUri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request + " was interrupted", e);
        }
    }
}
