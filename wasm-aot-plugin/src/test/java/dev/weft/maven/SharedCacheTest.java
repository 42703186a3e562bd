package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedCacheTest {

    @Test
    void anEntryAppearsWholeUnderItsName(@TempDir Path cache) throws Exception {
        Path entry = cache.resolve("rust-std/key");
        Path temporary = SharedCache.temporaryFor(entry);
        Files.writeString(temporary.resolve("libstd.rlib"), "std");
        assertFalse(Files.exists(entry), "nothing under the entry's name while it is filled");

        SharedCache.publish(temporary, entry);
        assertEquals("std", Files.readString(entry.resolve("libstd.rlib")));
        assertFalse(Files.exists(temporary));
    }

    /** Two builds filled the same entry at once: the first one published is kept, the other dropped. */
    @Test
    void theSecondOfTwoConcurrentFillsIsDropped(@TempDir Path cache) throws Exception {
        Path entry = cache.resolve("guest-sdk/weft-guest-0123");
        Path first = SharedCache.temporaryFor(entry);
        Path second = SharedCache.temporaryFor(entry);
        Files.writeString(first.resolve("Cargo.toml"), "first");
        Files.writeString(second.resolve("Cargo.toml"), "second");

        SharedCache.publish(first, entry);
        SharedCache.publish(second, entry);
        assertEquals("first", Files.readString(entry.resolve("Cargo.toml")));
        assertFalse(Files.exists(second));
    }
}
