package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crate {@code rust/guest} that depends by path on {@code shared/helper}, which depends on
 * {@code shared/base}: the layout of the example, whose guests depend on weft-guest.
 */
class SourceFingerprintTest {

    private static final String TOOLCHAIN = "cargo 1.0";

    @TempDir
    Path root;

    private Path guest;
    private Path helper;
    private Path base;

    @BeforeEach
    void writeCrates() throws IOException {
        guest = root.resolve("rust/guest");
        helper = root.resolve("shared/helper");
        base = root.resolve("shared/base");
        write(guest.resolve("Cargo.toml"), """
                [package]
                name = "guest"

                [dependencies]
                helper = { path = "../../shared/helper" }
                """);
        write(guest.resolve("src/lib.rs"), "pub fn guest() {}\n");
        write(helper.resolve("Cargo.toml"), """
                [package]
                name = "helper"

                [dependencies]
                base = { path = "../base" }
                """);
        write(helper.resolve("src/lib.rs"), "pub fn helper() {}\n");
        write(base.resolve("Cargo.toml"), "[package]\nname = \"base\"\n");
        write(base.resolve("src/lib.rs"), "pub fn base() {}\n");
    }

    @Test
    void isAStableSha256() throws IOException {
        String first = fingerprint();
        assertTrue(first.matches("[0-9a-f]{64}"), first);
        assertEquals(first, fingerprint());
    }

    @Test
    void changesWhenASourceFileChanges() throws IOException {
        assertChanges(() -> write(guest.resolve("src/lib.rs"), "pub fn guest() { let _ = 1; }\n"));
    }

    @Test
    void changesWhenCargoTomlChanges() throws IOException {
        assertChanges(() -> Files.writeString(guest.resolve("Cargo.toml"), "\n[profile.release]\nopt-level = 1\n",
                StandardOpenOption.APPEND));
    }

    @Test
    void changesWhenAFileIsAddedOrRenamed() throws IOException {
        assertChanges(() -> write(guest.resolve("src/extra.rs"), ""));
        assertChanges(() -> Files.move(guest.resolve("src/extra.rs"), guest.resolve("src/other.rs")));
    }

    @Test
    void changesWhenAPathDependencyChanges() throws IOException {
        assertChanges(() -> write(helper.resolve("src/lib.rs"), "pub fn helper() -> u8 { 1 }\n"));
    }

    @Test
    void changesWhenATransitivePathDependencyChanges() throws IOException {
        assertChanges(() -> write(base.resolve("src/lib.rs"), "pub fn base() -> u8 { 2 }\n"));
    }

    @Test
    void changesWithTheToolchain() throws IOException {
        assertNotEquals(fingerprint(), SourceFingerprint.of(RustCrate.read(guest), "cargo 2.0"));
    }

    @Test
    void ignoresBuildOutputUnderTarget() throws IOException {
        assertUnchanged(() -> {
            write(guest.resolve("target/release/guest.wasm"), "new build output");
            write(helper.resolve("target/debug/helper.d"), "more build output");
        });
    }

    @Test
    void ignoresHiddenFilesAndFolders() throws IOException {
        assertUnchanged(() -> {
            write(guest.resolve(".git/HEAD"), "ref: refs/heads/main\n");
            write(guest.resolve("src/.lib.rs.swp"), "editor state");
            write(helper.resolve(".idea/workspace.xml"), "<project/>");
        });
    }

    @Test
    void ignoresFilesOutsideTheCrateAndItsDependencies() throws IOException {
        assertUnchanged(() -> write(root.resolve("shared/unrelated/src/lib.rs"), "pub fn unrelated() {}\n"));
    }

    @Test
    void aDependencyCycleEnds() throws IOException {
        write(base.resolve("Cargo.toml"), """
                [package]
                name = "base"

                [dev-dependencies]
                guest = { path = "../../rust/guest" }
                """);
        assertEquals(fingerprint(), fingerprint());
    }

    @Test
    void ofFileIsTheSha256OfTheBytes() throws IOException {
        Path file = write(root.resolve("empty.wasm"), "");
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SourceFingerprint.ofFile(file));
        write(file, "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SourceFingerprint.ofFile(file));
    }

    @Test
    void aSourceFolderNamedTargetIsNotBuildOutput() throws IOException {
        write(guest.resolve("src/target/mod.rs"), "pub fn arch() {}\n");
        assertChanges(() -> write(guest.resolve("src/target/mod.rs"), "pub fn arch() -> u32 { 32 }\n"));
    }

    private interface Change {
        void apply() throws IOException;
    }

    private void assertChanges(Change change) throws IOException {
        String before = fingerprint();
        change.apply();
        assertNotEquals(before, fingerprint());
    }

    private void assertUnchanged(Change change) throws IOException {
        String before = fingerprint();
        change.apply();
        assertEquals(before, fingerprint());
    }

    private String fingerprint() throws IOException {
        return SourceFingerprint.of(RustCrate.read(guest), TOOLCHAIN);
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
