package dev.weft.example;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The example's security settings, from the environment so that anyone can try them:
 * {@code EXAMPLE_JWT_SECRET} (the HS256 key, at least 32 bytes), {@code EXAMPLE_JWT_ISSUER} and
 * {@code EXAMPLE_JWT_AUDIENCE}; roles come from the token's {@code roles} claim. Without a secret
 * the server makes up a random one, so that no token can be forged, and says so. An API key, for
 * clients that are not people, comes from {@code EXAMPLE_API_KEY} (client {@code example-client},
 * roles from {@code EXAMPLE_API_KEY_ROLES}, comma-separated).
 */
final class ExampleSecurity {

    private ExampleSecurity() {}

    /** Configuration keys of Weft's JWT authentication, from the example's variables. */
    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        String secret = environment.get("EXAMPLE_JWT_SECRET");
        if (secret == null || secret.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
        }
        settings.put("weft.security.jwt.secret", secret);
        putIfSet(settings, "weft.security.jwt.issuer", environment.get("EXAMPLE_JWT_ISSUER"));
        putIfSet(settings, "weft.security.jwt.audience", environment.get("EXAMPLE_JWT_AUDIENCE"));
        settings.put("weft.security.jwt.roles-claim", "roles");
        String apiKey = environment.get("EXAMPLE_API_KEY");
        if (apiKey != null && !apiKey.isEmpty()) {
            settings.put("weft.security.api-keys.clients.example-client.key", apiKey);
            putIfSet(settings, "weft.security.api-keys.clients.example-client.roles", environment.get("EXAMPLE_API_KEY_ROLES"));
        }
        return settings;
    }

    /** Says so when the secret was made up; call it once logging is set up. */
    static void warnIfUnset(Map<String, String> environment) {
        System.Logger log = System.getLogger("weft.example");
        String secret = environment.get("EXAMPLE_JWT_SECRET");
        if (secret == null || secret.isEmpty()) {
            log.log(Level.WARNING, "EXAMPLE_JWT_SECRET is not set: using a random key, so no token will verify");
        }
    }

    private static void putIfSet(Map<String, String> settings, String key, String value) {
        if (value != null && !value.isEmpty()) {
            settings.put(key, value);
        }
    }
}
