package dev.weft.runtime.wasm;

import dev.weft.wasm.abi.HostFunction.Grant;
import io.helidon.config.Config;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Configuration of one module, read from {@code weft.wasm.modules.<name>}:
 *
 * <ul>
 *   <li>{@code grants}: comma-separated capabilities, such as {@code clock}; none by default;
 *   <li>{@code max-instances}: how many requests may run in the module at once (default: twice
 *       the processors, at least 2);
 *   <li>{@code config.<key>}: values the guest may read through the {@code config} host function.
 * </ul>
 */
public record ModuleSettings(Set<Grant> grants, int maxInstances, Map<String, String> values) {

    public ModuleSettings {
        grants = grants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grants));
        values = Map.copyOf(values);
        if (maxInstances < 1) {
            throw new IllegalArgumentException("max-instances must be at least 1, not " + maxInstances);
        }
    }

    public static ModuleSettings defaults() {
        return new ModuleSettings(Set.of(), defaultMaxInstances(), Map.of());
    }

    /** Reads the settings of module {@code name} under {@code weft.wasm.modules}. */
    public static ModuleSettings from(Config modules, String name) {
        Config module = modules.get(name);
        Set<Grant> grants = EnumSet.noneOf(Grant.class);
        for (String grant : module.get("grants").asString().orElse("").split(",")) {
            if (!grant.isBlank()) {
                grants.add(parseGrant(name, grant.trim()));
            }
        }
        int maxInstances = module.get("max-instances").asInt().orElse(defaultMaxInstances());
        Map<String, String> values = module.get("config").detach().asMap().orElse(Map.of());
        return new ModuleSettings(grants, maxInstances, values);
    }

    public boolean granted(Grant grant) {
        return grant == Grant.NONE || grants.contains(grant);
    }

    private static Grant parseGrant(String module, String text) {
        try {
            Grant grant = Grant.valueOf(text.toUpperCase(Locale.ROOT));
            if (grant != Grant.NONE) {
                return grant;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the list of valid grants
        }
        throw new IllegalArgumentException("weft.wasm.modules." + module + ".grants: unknown grant '" + text
                + "'; known grants: " + EnumSet.complementOf(EnumSet.of(Grant.NONE)).toString().toLowerCase(Locale.ROOT));
    }

    private static int defaultMaxInstances() {
        return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    }
}
