package ${package};

import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.WeftServer;

/** Starts the server: configuration from application.properties, environment and -D properties. */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        configure(WeftConfig.load()).start();
    }

    /** The server, ready to start: what main runs, and what the tests run in process or on a free port. */
    public static WeftServer.Builder configure(WeftConfig config) {
        WeftServer.Builder server = WeftServer.builder(config);
        return server.routes(new GreetingApiRoutes(new Greetings(server.modules())));
    }
}
