package dev.weft.client;

import io.avaje.jsonb.Jsonb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The connection to one Weft server that generated clients share: where it is, the
 * {@link HttpClient} that calls it, the {@link Jsonb} that reads and writes its JSON, and the
 * {@code Authorization} value to send (or none).
 *
 * <pre>{@code
 * WeftClient server = WeftClient.builder(URI.create("http://localhost:8080"))
 *         .authorization(() -> "Bearer " + tokens.current())
 *         .build();
 * OrdersApi orders = new OrdersApiClient(server);
 * }</pre>
 */
public final class WeftClient {

    private final URI base;
    private final HttpClient http;
    private final Jsonb jsonb;
    private final Supplier<String> authorization;
    private final Duration timeout;
    private final Consumer<HttpResponse<byte[]>> observer;

    private WeftClient(Builder builder) {
        String text = builder.base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.http = builder.http != null ? builder.http : HttpClient.newBuilder()
                // HTTP/1.1: Weft's server speaks nothing else, so an upgrade attempt is a wasted round trip.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.jsonb = builder.jsonb != null ? builder.jsonb : Jsonb.builder().build();
        this.authorization = builder.authorization;
        this.timeout = builder.timeout;
        this.observer = builder.observer;
    }

    public static Builder builder(URI base) {
        return new Builder(base);
    }

    /** The JSON adapters, for the generated client's {@code JsonType} fields. */
    public Jsonb jsonb() {
        return jsonb;
    }

    /** A request to {@code template} ({@code /orders/{id}}), for generated code. */
    public ClientCall call(String method, String template) {
        return new ClientCall(this, method, template);
    }

    URI base() {
        return base;
    }

    HttpClient http() {
        return http;
    }

    String authorization() {
        return authorization == null ? null : authorization.get();
    }

    Duration timeout() {
        return timeout;
    }

    void observe(HttpResponse<byte[]> response) {
        if (observer != null) {
            observer.accept(response);
        }
    }

    public static final class Builder {

        private final URI base;
        private HttpClient http;
        private Jsonb jsonb;
        private Supplier<String> authorization;
        private Duration timeout = Duration.ofSeconds(60);
        private Consumer<HttpResponse<byte[]>> observer;

        private Builder(URI base) {
            this.base = Objects.requireNonNull(base, "base");
        }

        /** The client to send with; by default an HTTP/1.1 one of the JDK's. */
        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        /** The JSON adapters; by default {@code Jsonb.builder().build()}, which finds the generated ones. */
        public Builder jsonb(Jsonb jsonb) {
            this.jsonb = jsonb;
            return this;
        }

        /** The {@code Authorization} header of every request, asked for each one (a token may be renewed). */
        public Builder authorization(Supplier<String> authorization) {
            this.authorization = authorization;
            return this;
        }

        /** How long one request may take, answer included. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sees every answer as it arrived, before it is read or thrown: for logs, metrics, or a
         * test that checks answers against the API's description.
         */
        public Builder observer(Consumer<HttpResponse<byte[]>> observer) {
            this.observer = observer;
            return this;
        }

        public WeftClient build() {
            return new WeftClient(this);
        }
    }
}
