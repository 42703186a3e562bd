package dev.weft.bench.jmh;

import dev.weft.runtime.internal.wasm.ModuleRegistry;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Module hosts configured as a server configures them: from keys under {@code weft.wasm.modules}. */
final class Modules {

    /**
     * The host logs a line at INFO whenever a module starts or is replaced, thousands of times in
     * the hot-swap benchmark. Held here because JUL forgets the level of a logger nobody holds.
     */
    private static final Logger HOST_LOG = Logger.getLogger("weft.wasm");

    static {
        HOST_LOG.setLevel(Level.WARNING);
    }

    private Modules() {}

    static ModuleRegistry create(Map<String, String> settings) {
        return new ModuleRegistry(Config.just(ConfigSources.create(settings)));
    }
}
