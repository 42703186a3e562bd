package dev.weft.runtime.internal.server;

import dev.weft.runtime.WeftConfig;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * A {@link LogManager} that keeps its handlers while the JVM shuts down.
 *
 * <p>The JDK's own shutdown hook resets logging, racing with every other hook: without this, the
 * lines a server writes while it stops gracefully ("finishing requests in flight", "stopped") are
 * lost. {@link WeftConfig#load()} installs it unless the application chose another manager; the
 * server flushes the handlers itself once it has stopped.
 */
public final class ShutdownSafeLogManager extends LogManager {

    public static final String PROPERTY = "java.util.logging.manager";

    @Override
    public void reset() {
        if (!isShuttingDown()) {
            super.reset();
        }
    }

    /** Makes sure every handler has written what it holds; for the end of a shutdown. */
    public static void flush() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
    }

    /** The JVM refuses new shutdown hooks once it is shutting down, and only then. */
    private static boolean isShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }
}
