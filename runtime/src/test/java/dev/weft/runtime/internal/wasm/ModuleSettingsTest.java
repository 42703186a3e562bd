package dev.weft.runtime.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wasm.abi.HostImport.Grant;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleSettingsTest {

    @Test
    void readsEverySettingOfAModule() {
        ModuleSettings settings = read(Map.ofEntries(
                Map.entry("echo.grants", "clock, random"),
                Map.entry("echo.max-instances", "3"),
                Map.entry("echo.acquire-timeout", "PT0.5S"),
                Map.entry("echo.max-memory", "16MiB"),
                Map.entry("echo.timeout", "PT2S"),
                Map.entry("echo.stateful", "true"),
                Map.entry("echo.env.GREETING", "hi"),
                Map.entry("echo.directories.data", "/srv/data"),
                Map.entry("echo.config.greeting", "hello")));
        assertEquals(Set.of(Grant.CLOCK, Grant.RANDOM), settings.grants());
        assertTrue(settings.granted(Grant.NONE));
        assertFalse(settings.granted(Grant.FILES));
        assertEquals(3, settings.maxInstances());
        assertEquals(Duration.ofMillis(500), settings.acquireTimeout());
        assertEquals(16L * 1024 * 1024, settings.maxMemoryBytes());
        assertEquals(256, settings.maxMemoryPages());
        assertEquals(Duration.ofSeconds(2), settings.timeout());
        assertTrue(settings.stateful());
        assertEquals(Map.of("GREETING", "hi"), settings.environment());
        assertEquals(Map.of("/data", Path.of("/srv/data")), settings.directories());
        assertEquals(Map.of("greeting", "hello"), settings.values());
    }

    @Test
    void defaultsEverySettingThatIsNotSet() {
        ModuleSettings settings = read(Map.of("other.timeout", "PT1S"));
        assertEquals(Set.of(), settings.grants());
        assertEquals(ModuleSettings.defaults(), settings);
        assertEquals(ModuleSettings.DEFAULT_TIMEOUT, settings.timeout());
        assertFalse(settings.stateful());
    }

    @Test
    void readsSizesWithAndWithoutUnits() {
        assertEquals(65536, ModuleSettings.parseSize("k", "65536"));
        assertEquals(512 * 1024, ModuleSettings.parseSize("k", "512KiB"));
        assertEquals(1L << 30, ModuleSettings.parseSize("k", " 1 GiB "));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ModuleSettings.parseSize("weft.wasm.modules.echo.max-memory", "16MB"));
        assertEquals("weft.wasm.modules.echo.max-memory: '16MB' is not a size such as 64MiB", bad.getMessage());
    }

    @Test
    void refusesAnUnknownGrantNamingTheKnownOnes() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("echo.grants", "clock,network")));
        assertEquals("weft.wasm.modules.echo.grants: unknown grant 'network'; known grants: [clock, random, env, files]",
                unknown.getMessage());
    }

    @Test
    void refusesLimitsThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("echo.max-instances", "0")));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("echo.max-memory", "1KiB")));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("echo.timeout", "PT0S")));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("echo.acquire-timeout", "PT-1S")));
    }

    private static ModuleSettings read(Map<String, String> properties) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        properties.forEach((key, value) -> prefixed.put(ModuleRegistry.CONFIG_KEY + "." + key, value));
        return ModuleSettings.from(Config.just(ConfigSources.create(prefixed)).get(ModuleRegistry.CONFIG_KEY), "echo");
    }
}
