package dev.weft.runtime.internal.wasm;

import io.helidon.config.Config;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which data a module's guests may reach, and how much one call may bring back, from
 * {@code weft.wasm.modules.<name>}: {@code databases} and {@code kv-stores} (names, comma-separated;
 * none by default), {@code db-max-rows} (default 1000) and {@code db-max-bytes} (default 1 MiB) per
 * query.
 */
record DataGrants(Set<String> databases, Set<String> kvStores, int maxRows, long maxBytes) {

    static final int DEFAULT_MAX_ROWS = 1000;
    static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    DataGrants {
        databases = Set.copyOf(databases);
        kvStores = Set.copyOf(kvStores);
    }

    static DataGrants none() {
        return new DataGrants(Set.of(), Set.of(), DEFAULT_MAX_ROWS, DEFAULT_MAX_BYTES);
    }

    static DataGrants from(Config modules, String name) {
        Config module = modules.get(name);
        return new DataGrants(
                names(module.get("databases")),
                names(module.get("kv-stores")),
                module.get("db-max-rows").asInt().orElse(DEFAULT_MAX_ROWS),
                module.get("db-max-bytes").asString()
                        .map(text -> ModuleSettings.parseSize("weft.wasm.modules." + name + ".db-max-bytes", text))
                        .orElse(DEFAULT_MAX_BYTES));
    }

    private static Set<String> names(Config node) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : node.asString().orElse("").split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        return names;
    }
}
