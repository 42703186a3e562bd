package dev.weft.runtime;

import dev.weft.runtime.internal.server.ShutdownSafeLogManager;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An application's configuration: flat keys such as {@code server.port} or
 * {@code weft.wasm.modules.matmul.max-instances}. {@link #load()} reads it, after setting up
 * logging from {@code logging.properties} (in the working folder, else on the class path), so call
 * it first thing in {@code main}. Earlier sources win:
 *
 * <ol>
 *   <li>system properties, {@code -Dserver.port=8081};
 *   <li>environment variables, {@code SERVER_PORT} for {@code server.port};
 *   <li>the file named by the system property {@code weft.config} or the environment variable
 *       {@code WEFT_CONFIG}, if set;
 *   <li>{@code application.properties} on the class path (the defaults shipped in the jar).
 * </ol>
 *
 * Middleware that a route's {@code @Use} names may take one in its constructor.
 */
public final class WeftConfig {

    public static final String FILE_PROPERTY = "weft.config";
    public static final String FILE_VARIABLE = "WEFT_CONFIG";

    private final Config config;

    private WeftConfig(Config config) {
        this.config = config;
    }

    /** Loads the configuration from the sources above. */
    public static WeftConfig load() {
        return load(Map.of());
    }

    /**
     * Loads the configuration with {@code defaults} below every other source: values the
     * application computes (from its own environment variables, say) that configuration can still
     * override.
     */
    public static WeftConfig load(Map<String, String> defaults) {
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
        return new WeftConfig(builder.build());
    }

    /** Exactly these properties and nothing else: for tests and embedded servers. */
    public static WeftConfig of(Map<String, String> properties) {
        return new WeftConfig(Config.just(ConfigSources.create(properties)));
    }

    /** No properties at all: every setting at its default. */
    public static WeftConfig empty() {
        return new WeftConfig(Config.empty());
    }

    /**
     * This configuration with {@code overrides} above every one of its sources: what a test changes
     * in the application's configuration (the testing kit sets {@code server.port=0} this way).
     */
    public WeftConfig with(Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        return new WeftConfig(Config.builder()
                .disableSystemPropertiesSource()
                .disableEnvironmentVariablesSource()
                .addSource(ConfigSources.create(overrides, "overrides"))
                .addSource(ConfigSources.create(config))
                .build());
    }

    /** The value of a key, if it is set. */
    public Optional<String> get(String key) {
        return config.get(key).asString().asOptional();
    }

    /**
     * The value of a key converted to {@code type}: {@code String}, {@code Integer}, {@code Long},
     * {@code Boolean}, {@code Double}, {@link Duration} (ISO-8601, {@code PT5S}), or an enum.
     *
     * @throws IllegalArgumentException when the value is set but cannot be converted
     */
    public <T> Optional<T> get(String key, Class<T> type) {
        Objects.requireNonNull(type, "type");
        try {
            return config.get(key).as(type).asOptional();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": cannot read '" + get(key).orElse("") + "' as "
                    + type.getSimpleName(), e);
        }
    }

    /** Helidon's view of the same configuration, for the server's own wiring. */
    Config helidon() {
        return config;
    }
}
