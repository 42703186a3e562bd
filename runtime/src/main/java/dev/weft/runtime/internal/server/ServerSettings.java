package dev.weft.runtime.internal.server;

import dev.weft.runtime.internal.middleware.BodyLimit;
import dev.weft.runtime.internal.middleware.Cors;
import dev.weft.runtime.internal.middleware.RequestIds;
import dev.weft.runtime.internal.security.Authentication;
import io.helidon.config.Config;
import java.time.Duration;

/**
 * The server's built-in behaviour, as configured under {@code weft}:
 *
 * <ul>
 *   <li>{@code weft.request-id-header} (default {@code X-Request-Id});
 *   <li>{@code weft.access-log.enabled} (default false);
 *   <li>{@code weft.http.max-body-size} in bytes (default 1 MiB);
 *   <li>{@code weft.http.handler-timeout} (default PT60S; PT0S for none);
 *   <li>{@code weft.health.details} (default false) and {@code weft.health.details-role} (none):
 *       whether {@code /health} shows the wasm modules' versions and instances to everyone, or to
 *       principals with that role;
 *   <li>{@code weft.openapi.enabled} (default true): whether {@code /openapi.json} serves the
 *       document the annotation processor wrote;
 *   <li>{@code weft.cors.*} (see {@link Cors}) and {@code weft.security.*} (see {@link Authentication}).
 * </ul>
 */
record ServerSettings(
        String requestIdHeader,
        boolean accessLog,
        long maxBodySize,
        Duration handlerTimeout,
        Cors cors,
        Authentication authentication,
        boolean healthDetails,
        String healthDetailsRole,
        boolean openApi) {

    static final Duration DEFAULT_HANDLER_TIMEOUT = Duration.ofSeconds(60);

    static ServerSettings from(Config config) {
        Config weft = config.get("weft");
        return new ServerSettings(
                weft.get("request-id-header").asString().orElse(RequestIds.DEFAULT_HEADER),
                weft.get("access-log.enabled").asBoolean().orElse(false),
                weft.get("http.max-body-size").asLong().orElse(BodyLimit.DEFAULT),
                weft.get("http.handler-timeout").as(Duration.class).orElse(DEFAULT_HANDLER_TIMEOUT),
                Cors.fromConfig(weft.get("cors")),
                Authentication.fromConfig(weft.get("security")),
                weft.get("health.details").asBoolean().orElse(false),
                weft.get("health.details-role").asString().filter(role -> !role.isBlank()).orElse(null),
                weft.get("openapi.enabled").asBoolean().orElse(true));
    }
}
