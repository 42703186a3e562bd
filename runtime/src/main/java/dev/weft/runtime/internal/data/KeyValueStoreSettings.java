package dev.weft.runtime.internal.data;

import io.helidon.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One key-value store, {@code weft.kv-stores.<name>.datasource=<data source>}; the data source may
 * be left out when exactly one is configured.
 */
record KeyValueStoreSettings(String name, String dataSource) {

    static final String CONFIG_KEY = "weft.kv-stores";

    static List<KeyValueStoreSettings> all(Config config, Set<String> dataSources) {
        List<KeyValueStoreSettings> stores = new ArrayList<>();
        for (Config node : config.get(CONFIG_KEY).asNodeList().orElse(List.of())) {
            String name = node.name();
            String key = CONFIG_KEY + "." + name + ".datasource";
            String dataSource = node.get("datasource").asString()
                    .orElseGet(() -> dataSources.size() == 1 ? dataSources.iterator().next() : null);
            if (dataSource == null) {
                throw new IllegalArgumentException(key + " is required: which data source keeps the store? (configured: "
                        + dataSources + ")");
            }
            if (!dataSources.contains(dataSource)) {
                throw new IllegalArgumentException(key + ": no data source '" + dataSource + "' (configured: "
                        + dataSources + ")");
            }
            stores.add(new KeyValueStoreSettings(name, dataSource));
        }
        return stores;
    }
}
