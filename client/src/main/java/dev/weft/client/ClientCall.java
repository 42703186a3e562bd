package dev.weft.client;

import io.avaje.jsonb.JsonType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request of a generated client: the path variables, query parameters and headers of a route
 * filled in, a body, then {@link #send()}. An absent value (null or an empty {@code Optional}) is
 * left out, so that the server applies its default.
 */
public final class ClientCall {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final WeftClient client;
    private final String method;
    private String path;
    private final StringBuilder query = new StringBuilder();
    private final List<String[]> headers = new ArrayList<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    ClientCall(WeftClient client, String method, String template) {
        this.client = client;
        this.method = method;
        this.path = template;
    }

    /** Fills the template's {@code {name}}. */
    public ClientCall path(String name, Object value) {
        path = path.replace("{" + name + "}", encode(text(value)));
        return this;
    }

    public ClientCall query(String name, Object value) {
        Object present = present(value);
        if (present != null) {
            query.append(query.isEmpty() ? '?' : '&').append(encode(name)).append('=').append(encode(text(present)));
        }
        return this;
    }

    public ClientCall header(String name, Object value) {
        Object present = present(value);
        if (present != null) {
            headers.add(new String[] {name, text(present)});
        }
        return this;
    }

    public <T> ClientCall json(JsonType<T> type, T value) {
        return body("application/json", type.toJsonBytes(value));
    }

    public ClientCall text(String text) {
        return body("text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public ClientCall bytes(byte[] bytes) {
        return body("application/octet-stream", bytes);
    }

    private ClientCall body(String contentType, byte[] bytes) {
        headers.add(new String[] {"Content-Type", contentType});
        body = HttpRequest.BodyPublishers.ofByteArray(bytes);
        return this;
    }

    /** Sends the request; an answer of 400 or above is thrown as a {@link ProblemException}. */
    public ClientAnswer send() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + path + query))
                .timeout(client.timeout())
                .method(method, body);
        headers.forEach(header -> request.header(header[0], header[1]));
        String authorization = client.authorization();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response;
        try {
            response = client.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + method + " " + path, e);
        }
        client.observe(response);
        ClientAnswer answer = new ClientAnswer(client.jsonb(), response);
        if (answer.status() >= 400) {
            throw problem(answer);
        }
        return answer;
    }

    private ProblemException problem(ClientAnswer answer) {
        String contentType = answer.contentType();
        if (contentType == null || !contentType.startsWith(PROBLEM_JSON)) {
            return new ProblemException(answer.status(), "HTTP " + answer.status(), answer.text(), List.of());
        }
        Map<?, ?> body = (Map<?, ?>) answer.json(client.jsonb().type(Object.class));
        List<ProblemException.Violation> violations = new ArrayList<>();
        if (body.get("violations") instanceof List<?> found) {
            for (Object item : found) {
                Map<?, ?> violation = (Map<?, ?>) item;
                violations.add(new ProblemException.Violation((String) violation.get("in"), (String) violation.get("field"),
                        (String) violation.get("message")));
            }
        }
        return new ProblemException(answer.status(), (String) body.get("title"), (String) body.get("detail"), violations);
    }

    private static Object present(Object value) {
        return value instanceof Optional<?> optional ? optional.orElse(null) : value;
    }

    private static String text(Object value) {
        return value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
    }

    /** Percent-encodes for a path segment or a query: a space is {@code %20}, never {@code +}. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
