package dev.weft.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls {@code GET <prefix>/matmul?n=&seed=} and times it on the client. */
public final class MatmulClient {

    /** The contract's answer. Jackson parses the doubles exactly, as the checksum comparison needs. */
    public record Answer(int n, long seed, double checksum, double computeMs) {}

    /** What one call gave: the answer and the client's round trip. */
    public record Call(Answer answer, double clientMs) {}

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final HttpClient http;
    private final URI base;

    public MatmulClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /**
     * Parses an answer once so that Jackson's classes are loaded and compiled before the first
     * timed call, whichever system comes first. The client's time includes no parsing anyway.
     */
    public static void warmUpParser() throws IOException {
        for (int i = 0; i < 1_000; i++) {
            parse("{\"n\":2,\"seed\":1,\"checksum\":1.7407857144998435,\"computeMs\":0.01}");
        }
    }

    /**
     * One call; {@code timeout} bounds the whole exchange.
     *
     * @throws java.net.http.HttpTimeoutException when the server took longer
     * @throws IOException on a status other than 200, or an answer that breaks the contract
     */
    public Call multiply(int n, long seed, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "?n=" + n + "&seed=" + seed))
                .timeout(timeout)
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double clientMs = (System.nanoTime() - started) / 1e6;
        if (response.statusCode() != 200) {
            throw new IOException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        Answer answer = parse(response.body());
        if (answer.n() != n || answer.seed() != seed) {
            throw new IOException(request.uri() + " answered for n=" + answer.n() + ", seed=" + answer.seed() + ": "
                    + response.body());
        }
        return new Call(answer, clientMs);
    }

    static Answer parse(String body) throws IOException {
        return JSON.readValue(body, Answer.class);
    }
}
