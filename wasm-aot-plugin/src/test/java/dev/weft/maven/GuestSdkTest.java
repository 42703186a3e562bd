package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestSdkTest {

    /** The crate as the plugin's build packs it (from guest/rust/weft-guest): what users get. */
    @Test
    void unpacksTheShippedCrateIntoTheCache(@TempDir Path cache) throws Exception {
        Path crate = GuestSdk.unpack(cache);
        assertTrue(crate.startsWith(cache.resolve("guest-sdk")), crate.toString());
        assertTrue(Files.readString(crate.resolve("Cargo.toml")).contains("name = \"weft-guest\""));
        assertTrue(Files.isRegularFile(crate.resolve("src/lib.rs")));
        assertEquals(crate, GuestSdk.unpack(cache), "a second build takes the unpacked copy");
    }

    @Test
    void anotherVersionOfTheCrateGetsItsOwnFolder(@TempDir Path work) throws Exception {
        Path source = Files.createDirectories(work.resolve("source/src"));
        Files.writeString(source.resolveSibling("Cargo.toml"), "[package]\nname = \"weft-guest\"\n");
        Files.writeString(source.resolve("lib.rs"), "pub fn one() {}\n");
        Path first = GuestSdk.unpack(source.getParent(), work.resolve("cache"));
        Files.writeString(source.resolve("lib.rs"), "pub fn two() {}\n");
        Path second = GuestSdk.unpack(source.getParent(), work.resolve("cache"));
        assertNotEquals(first, second);
        assertEquals("pub fn one() {}\n", Files.readString(first.resolve("src/lib.rs")));
        assertEquals("pub fn two() {}\n", Files.readString(second.resolve("src/lib.rs")));
    }

    @Test
    void cargoIsToldToTakeTheCopyForEveryWeftGuestDependency() {
        assertEquals(List.of("--config", "patch.crates-io.weft-guest.path=\"/cache/guest-sdk/weft-guest-0123\""),
                GuestSdk.patchArguments(Path.of("/cache/guest-sdk/weft-guest-0123")));
    }

    @Test
    void onlyCratesWithATestAreTested(@TempDir Path work) throws Exception {
        Path tested = Files.createDirectories(work.resolve("tested/src"));
        Files.writeString(tested.resolve("lib.rs"), "#[cfg(test)]\nmod tests {\n    #[test]\n    fn adds() {}\n}\n");
        Path untested = Files.createDirectories(work.resolve("untested/src"));
        Files.writeString(untested.resolve("lib.rs"), "pub fn test() {}\n");
        assertTrue(TestRustMojo.hasTests(tested.getParent()));
        assertTrue(!TestRustMojo.hasTests(untested.getParent()));
    }
}
