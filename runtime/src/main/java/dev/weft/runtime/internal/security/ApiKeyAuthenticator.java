package dev.weft.runtime.internal.security;

import dev.weft.runtime.http.Principal;
import dev.weft.runtime.http.Request;
import io.helidon.config.Config;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * API-key authentication: a secret in a header ({@code X-API-Key} by default) names a client.
 *
 * <p>Configuration under {@code weft.security.api-keys}: {@code header}, and per client
 * {@code clients.<subject>.key} and {@code clients.<subject>.roles} (comma-separated). Keys are
 * compared through their SHA-256 digests in constant time, so timing tells nothing of them.
 */
public final class ApiKeyAuthenticator implements Authenticator {

    public static final String DEFAULT_HEADER = "X-API-Key";

    private final String header;
    private final List<Client> clients;

    /** A known client: the digest of its key, and who it is. */
    public record Client(byte[] keyDigest, Principal principal) {

        public static Client of(String key, Principal principal) {
            return new Client(sha256(key), principal);
        }
    }

    public ApiKeyAuthenticator(String header, List<Client> clients) {
        this.header = header;
        this.clients = List.copyOf(clients);
    }

    static Optional<Authenticator> fromConfig(Config apiKeys) {
        List<Client> clients = new ArrayList<>();
        for (Config client : apiKeys.get("clients").asNodeList().orElse(List.of())) {
            String key = client.get("key").asString()
                    .orElseThrow(() -> new IllegalArgumentException(client.key() + ".key is missing"));
            if (key.isBlank()) {
                // An empty header would then authenticate as this client.
                throw new IllegalArgumentException(client.key() + ".key is empty: give the client a secret key,"
                        + " or remove it");
            }
            List<String> roles = client.get("roles").asString().map(text -> List.of(text.split(",")))
                    .orElse(List.of()).stream().map(String::trim).filter(role -> !role.isEmpty()).toList();
            clients.add(Client.of(key, new Principal(client.name(), roles)));
        }
        if (clients.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyAuthenticator(apiKeys.get("header").asString().orElse(DEFAULT_HEADER), clients));
    }

    @Override
    public String challenge() {
        return "ApiKey realm=\"weft\", header=\"" + header + "\"";
    }

    @Override
    public Authentication.Outcome authenticate(Request request) {
        String key = request.header(header);
        if (key == null) {
            return Authentication.Outcome.none();
        }
        byte[] digest = sha256(key);
        Principal found = null;
        for (Client client : clients) {
            // Every client is compared, so the time taken does not say which one matched.
            if (MessageDigest.isEqual(client.keyDigest(), digest)) {
                found = client.principal();
            }
        }
        return found != null
                ? Authentication.Outcome.authenticated(found)
                : Authentication.Outcome.refused("unknown API key", challenge());
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
