package dev.weft.runtime.internal.server;

import io.helidon.config.Config;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;

/**
 * What one listener lets clients hold:
 *
 * <ul>
 *   <li>{@code server.max-tcp-connections} (Helidon's key): connections open at once; more wait in
 *       the kernel's accept queue, costing the process no file descriptor. By default the open-file
 *       limit less the descriptors already open and a reserve (a tenth, at least 64) for the
 *       server's own files, between 16 and 10,000;
 *   <li>{@code server.idle-connection-timeout} (Helidon's key, default PT60S here rather than
 *       Helidon's PT5M) and {@code server.idle-connection-period} (default PT5S): a kept-alive
 *       connection with no request for that long is closed;
 *   <li>{@code weft.http.request-head-timeout} (default PT10S, PT0S for none): a connection whose
 *       request line and headers have not all arrived this long after the first byte (or after
 *       the connection opened, for its first request) is closed;
 *   <li>{@code weft.http.client-check-after} (default PT1S, PT0S for never): once a request has run
 *       this long, its connection is watched, and if the client closes it the request's work is
 *       stopped ({@link ClientWatch});
 *   <li>{@code weft.server.exit-on-listener-failure} (default true): if Helidon's listener dies
 *       anyway (the accept loop fails), the process exits with status 70 for a supervisor to restart
 *       it, rather than living on with its port closed.
 * </ul>
 */
record ConnectionLimits(int maxConnections, Duration idleTimeout, Duration idlePeriod, Duration headTimeout,
        Duration clientCheckAfter, boolean exitOnListenerFailure) {

    static final int MIN_CONNECTIONS = 16;
    static final int MAX_DEFAULT_CONNECTIONS = 10_000;

    static ConnectionLimits from(Config config) {
        Config server = config.get("server");
        Config weft = config.get("weft");
        return new ConnectionLimits(
                server.get("max-tcp-connections").asInt().orElseGet(ConnectionLimits::defaultMaxConnections),
                server.get("idle-connection-timeout").as(Duration.class).orElse(Duration.ofSeconds(60)),
                server.get("idle-connection-period").as(Duration.class).orElse(Duration.ofSeconds(5)),
                weft.get("http.request-head-timeout").as(Duration.class).orElse(Duration.ofSeconds(10)),
                weft.get("http.client-check-after").as(Duration.class).orElse(Duration.ofSeconds(1)),
                weft.get("server.exit-on-listener-failure").asBoolean().orElse(true));
    }

    /** From the process's open-file limit, when the JVM tells it; else 1,024. */
    static int defaultMaxConnections() {
        try {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
                return forDescriptors(unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount());
            }
        } catch (LinkageError | RuntimeException noManagement) {
            // jdk.management left out of the runtime image
        }
        return 1024;
    }

    static int forDescriptors(long limit, long open) {
        long reserve = Math.max(64, limit / 10);
        return (int) Math.clamp(limit - open - reserve, MIN_CONNECTIONS, MAX_DEFAULT_CONNECTIONS);
    }
}
