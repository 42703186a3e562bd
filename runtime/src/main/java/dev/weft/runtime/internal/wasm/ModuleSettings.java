package dev.weft.runtime.internal.wasm;

import dev.weft.wasm.abi.HostImport.Grant;
import io.helidon.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration of one module, read from {@code weft.wasm.modules.<name>}; every key is optional.
 *
 * <table>
 *   <caption>Module settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code grants}</td><td>none</td><td>capabilities, comma-separated: {@code clock},
 *       {@code random}, {@code env}, {@code files}</td></tr>
 *   <tr><td>{@code max-instances}</td><td>2 × processors</td><td>requests in the module at once</td></tr>
 *   <tr><td>{@code acquire-timeout}</td><td>PT5S</td><td>how long a request waits for an instance;
 *       then 503 with {@code Retry-After}</td></tr>
 *   <tr><td>{@code max-memory}</td><td>256MiB</td><td>linear memory limit; {@code memory.grow}
 *       past it fails in the guest</td></tr>
 *   <tr><td>{@code timeout}</td><td>PT10S</td><td>wall-clock limit of one call, and of creating an instance; then 504</td></tr>
 *   <tr><td>{@code stateful}</td><td>false</td><td>keep an instance's memory between requests
 *       instead of resetting it</td></tr>
 *   <tr><td>{@code env.<NAME>}</td><td></td><td>environment variables a guest with {@code env} sees</td></tr>
 *   <tr><td>{@code directories.<guest path>}</td><td></td><td>host folders a guest with {@code files} sees</td></tr>
 *   <tr><td>{@code config.<key>}</td><td></td><td>values for the {@code config} host function</td></tr>
 * </table>
 */
public record ModuleSettings(
        Set<Grant> grants,
        int maxInstances,
        Duration acquireTimeout,
        long maxMemoryBytes,
        Duration timeout,
        boolean stateful,
        Map<String, String> environment,
        Map<String, Path> directories,
        Map<String, String> values) {

    public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(5);
    public static final long DEFAULT_MAX_MEMORY = 256L * 1024 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");

    public ModuleSettings {
        grants = grants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grants));
        environment = Map.copyOf(environment);
        directories = Map.copyOf(directories);
        values = Map.copyOf(values);
        if (maxInstances < 1) {
            throw new IllegalArgumentException("max-instances must be at least 1, not " + maxInstances);
        }
        if (maxMemoryBytes < 65536) {
            throw new IllegalArgumentException("max-memory must be at least one wasm page, 64KiB");
        }
        if (timeout.isNegative() || timeout.isZero() || acquireTimeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive and acquire-timeout not negative");
        }
    }

    public static ModuleSettings defaults() {
        return new ModuleSettings(Set.of(), defaultMaxInstances(), DEFAULT_ACQUIRE_TIMEOUT, DEFAULT_MAX_MEMORY,
                DEFAULT_TIMEOUT, false, Map.of(), Map.of(), Map.of());
    }

    /** Reads the settings of module {@code name} under {@code weft.wasm.modules}. */
    public static ModuleSettings from(Config modules, String name) {
        Config module = modules.get(name);
        String prefix = "weft.wasm.modules." + name + ".";
        Set<Grant> grants = EnumSet.noneOf(Grant.class);
        for (String grant : module.get("grants").asString().orElse("").split(",")) {
            if (!grant.isBlank()) {
                grants.add(parseGrant(prefix, grant.trim()));
            }
        }
        Map<String, Path> directories = new LinkedHashMap<>();
        module.get("directories").detach().asMap().orElse(Map.of())
                .forEach((guest, host) -> directories.put("/" + guest.replace('.', '/'), Path.of(host)));
        return new ModuleSettings(
                grants,
                module.get("max-instances").asInt().orElse(defaultMaxInstances()),
                module.get("acquire-timeout").as(Duration.class).orElse(DEFAULT_ACQUIRE_TIMEOUT),
                module.get("max-memory").asString().map(text -> parseSize(prefix + "max-memory", text))
                        .orElse(DEFAULT_MAX_MEMORY),
                module.get("timeout").as(Duration.class).orElse(DEFAULT_TIMEOUT),
                module.get("stateful").asBoolean().orElse(false),
                module.get("env").detach().asMap().orElse(Map.of()),
                directories,
                module.get("config").detach().asMap().orElse(Map.of()));
    }

    public boolean granted(Grant grant) {
        return grant == Grant.NONE || grants.contains(grant);
    }

    /** The memory limit in wasm pages of 64 KiB. */
    public int maxMemoryPages() {
        return (int) Math.min(maxMemoryBytes / 65536, 65536);
    }

    /** {@code 16MiB}, {@code 512KiB}, {@code 1GiB} or a number of bytes. */
    static long parseSize(String key, String text) {
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a size such as 64MiB");
        }
        long number = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "B" : matcher.group(2);
        return switch (unit) {
            case "KiB" -> number * 1024;
            case "MiB" -> number * 1024 * 1024;
            case "GiB" -> number * 1024 * 1024 * 1024;
            default -> number;
        };
    }

    private static Grant parseGrant(String prefix, String text) {
        for (Grant grant : Grant.values()) {
            if (grant != Grant.NONE && grant.name().equalsIgnoreCase(text)) {
                return grant;
            }
        }
        throw new IllegalArgumentException(prefix + "grants: unknown grant '" + text + "'; known grants: "
                + EnumSet.complementOf(EnumSet.of(Grant.NONE)).toString().toLowerCase(Locale.ROOT));
    }

    private static int defaultMaxInstances() {
        return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    }
}
