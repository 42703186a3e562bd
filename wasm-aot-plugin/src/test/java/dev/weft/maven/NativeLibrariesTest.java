package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

    private static final List<String> SQLITE = List.of("org/sqlite/native Linux/{arch}/libsqlitejdbc.so");

    @TempDir
    Path folder;

    @Test
    void theCopyKeepsEverythingButTheNativeFoldersAndThePlatformsLibraryIsWrittenBeside() throws Exception {
        Path jar = jar();
        Path copy = folder.resolve("lib/app.jar");
        Files.createDirectories(copy.getParent());
        new NativeLibraries(SQLITE, "aarch64").copyJarWithout(jar, copy, folder.resolve("lib/native"));

        try (JarFile copied = new JarFile(copy.toFile())) {
            List<String> names = Collections.list(copied.entries()).stream().map(JarEntry::getName).toList();
            assertEquals(List.of("META-INF/MANIFEST.MF", "org/sqlite/JDBC.class", "app/Main.class"), names);
            assertEquals("Main-Class: app.Main", new String(copied.getInputStream(copied.getEntry("META-INF/MANIFEST.MF"))
                    .readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        assertArrayEquals("arm64 library".getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(folder.resolve("lib/native/libsqlitejdbc.so")));
    }

    @Test
    void noLibraryForThePlatformFailsTheBuildAndLeavesNoJar() throws Exception {
        Path copy = folder.resolve("app.jar");
        IOException failure = assertThrows(IOException.class,
                () -> new NativeLibraries(SQLITE, "riscv64").copyJarWithout(jar(), copy, folder.resolve("native")));
        assertTrue(failure.getMessage().contains("org/sqlite/native/Linux/riscv64/libsqlitejdbc.so"), failure.getMessage());
        assertFalse(Files.exists(copy));
    }

    @Test
    void aPatternWithoutTheArchitectureIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new NativeLibraries(List.of("org/sqlite/native Linux/x86_64/libsqlitejdbc.so"), "x86_64"));
        assertThrows(IllegalArgumentException.class,
                () -> new NativeLibraries(List.of("org/sqlite/native/Linux/{arch}/libsqlitejdbc.so"), "x86_64"));
    }

    @Test
    void theLaunchersOptionsNameTheFolderOnTheLibraryPathAndInEachPatternsProperty() {
        assertEquals(List.of("-Djava.library.path=/dist/lib/native"),
                new NativeLibraries(SQLITE, "x86_64").systemProperties("/dist/lib/native"));
        assertEquals(List.of("-Djava.library.path=/dist/lib/native", "-Dorg.sqlite.lib.path=/dist/lib/native"),
                new NativeLibraries(List.of("org/sqlite/native Linux/{arch}/libsqlitejdbc.so org.sqlite.lib.path"), "x86_64")
                        .systemProperties("/dist/lib/native"));
        assertEquals(List.of(), new NativeLibraries(List.of(), "x86_64").systemProperties("/dist/lib/native"));
        assertThrows(IllegalArgumentException.class, () -> new NativeLibraries(
                List.of("org/sqlite/native Linux/{arch}/libsqlitejdbc.so org.sqlite.lib.path extra"), "x86_64"));
    }

    @Test
    void withoutPatternsTheJarIsCopiedAsItIs() throws Exception {
        Path jar = jar();
        Path copy = folder.resolve("copy.jar");
        new NativeLibraries(List.of(), "x86_64").copyJarWithout(jar, copy, folder.resolve("native"));
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(copy));
    }

    private Path jar() throws IOException {
        Path jar = folder.resolve("source.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "META-INF/MANIFEST.MF", "Main-Class: app.Main\n");
            add(out, "org/sqlite/JDBC.class", "driver");
            add(out, "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so", "x86 library");
            add(out, "org/sqlite/native/Linux/aarch64/libsqlitejdbc.so", "arm64 library");
            add(out, "org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib", "mac library");
            add(out, "org/sqlite/native/Linux-Musl/aarch64/libsqlitejdbc.so", "musl library");
            add(out, "app/Main.class", "main");
        }
        return jar;
    }

    private static void add(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
