package dev.weft.runtime;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads an application's configuration, after setting up logging from {@code logging.properties}
 * (in the working folder, else on the class path) with a {@link ShutdownSafeLogManager}, so call
 * it first thing in {@code main}. Earlier sources win:
 *
 * <ol>
 *   <li>system properties, {@code -Dserver.port=8081};
 *   <li>environment variables, {@code SERVER_PORT} for {@code server.port} (Helidon's mapping);
 *   <li>the file named by the system property {@code weft.config} or the environment variable
 *       {@code WEFT_CONFIG}, if set;
 *   <li>{@code application.properties} on the class path (the defaults shipped in the jar).
 * </ol>
 */
public final class WeftConfig {

    public static final String FILE_PROPERTY = "weft.config";
    public static final String FILE_VARIABLE = "WEFT_CONFIG";

    private WeftConfig() {}

    public static Config load() {
        return load(Map.of());
    }

    /**
     * Loads the configuration with {@code defaults} below every other source: values the
     * application computes (from its own environment variables, say) that configuration can still
     * override.
     */
    public static Config load(Map<String, String> defaults) {
        // Logging first, so that everything configuration starts logs in the application's format.
        if (System.getProperty(ShutdownSafeLogManager.PROPERTY) == null) {
            System.setProperty(ShutdownSafeLogManager.PROPERTY, ShutdownSafeLogManager.class.getName());
        }
        LogConfig.configureRuntime();
        Config.Builder builder = Config.builder().disableSystemPropertiesSource().disableEnvironmentVariablesSource();
        builder.addSource(ConfigSources.systemProperties());
        builder.addSource(ConfigSources.environmentVariables());
        String file = System.getProperty(FILE_PROPERTY, System.getenv(FILE_VARIABLE));
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException("configuration file " + path.toAbsolutePath() + " is not readable");
            }
            builder.addSource(ConfigSources.file(path));
        }
        builder.addSource(ConfigSources.classpath("application.properties").optional());
        if (!defaults.isEmpty()) {
            builder.addSource(ConfigSources.create(defaults, "application defaults"));
        }
        return builder.build();
    }
}
