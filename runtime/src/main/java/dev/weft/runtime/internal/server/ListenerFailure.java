package dev.weft.runtime.internal.server;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Helidon's listener stops accepting for good when its accept loop fails (out of file
 * descriptors, say): it logs "this server socket is terminating now" and the process lives on
 * with its port closed, where no supervisor would restart it. This watches for that record and
 * ends the process with {@link #EXIT_STATUS}, unless the server is stopping anyway.
 */
final class ListenerFailure extends Handler {

    static final int EXIT_STATUS = 70;
    private static final String LISTENER_LOGGER = "io.helidon.webserver.ServerListener";
    private static final String TERMINATING = "server socket is terminating";
    // Held here: java.util.logging keeps loggers weakly, and a collected one loses its handler.
    private static final Logger LISTENER = Logger.getLogger(LISTENER_LOGGER);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static volatile AtomicBoolean serverStopped;

    static void exitWhenListenerDies(AtomicBoolean stopped) {
        serverStopped = stopped;
        if (INSTALLED.compareAndSet(false, true)) {
            LISTENER.addHandler(new ListenerFailure());
        }
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        AtomicBoolean stopped = serverStopped;
        if (record.getLevel().intValue() >= Level.SEVERE.intValue() && message != null && message.contains(TERMINATING)
                && stopped != null && !stopped.get()) {
            System.Logger log = System.getLogger("weft.server");
            log.log(System.Logger.Level.ERROR, "the listener stopped accepting connections ("
                    + (record.getThrown() == null ? "no cause given" : record.getThrown()) + "); exiting with status "
                    + EXIT_STATUS + " so that a supervisor restarts the server");
            // Not on this thread: exit runs the shutdown hook, which waits for this listener to end.
            Thread.ofPlatform().name("weft-listener-failure").start(() -> System.exit(EXIT_STATUS));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
