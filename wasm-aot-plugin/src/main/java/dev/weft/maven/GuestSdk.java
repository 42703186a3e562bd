package dev.weft.maven;

import dev.weft.wasm.abi.Sha256;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Rust guest SDK, the {@code weft-guest} crate, as this plugin ships it: its source is a
 * resource of the plugin's jar, unpacked once into the {@link SharedCache} (under a name that
 * carries a hash of its files, so a newer plugin gets its own copy), and handed to cargo as a
 * {@code [patch.crates-io]} entry. A guest's Cargo.toml then says {@code weft-guest = "0.1"}: no
 * path into a Weft checkout, and no crates.io, which many build machines cannot reach.
 */
final class GuestSdk {

    static final String CRATE = "weft-guest";
    /** Where the plugin's build puts the crate's source among its resources. */
    private static final String RESOURCE = "/META-INF/weft/guest-sdk/" + CRATE;

    private GuestSdk() {}

    /** The crate's folder in the cache, unpacked now unless an earlier build did. */
    static Path unpack(Path cacheDirectory) throws IOException {
        URL manifest = GuestSdk.class.getResource(RESOURCE + "/Cargo.toml");
        if (manifest == null) {
            throw new IOException("this plugin's jar lacks the " + CRATE + " crate (" + RESOURCE + ")");
        }
        URI folder;
        try {
            // A jar: URI is opaque, so URI.resolve cannot take the folder; its text can.
            String text = manifest.toURI().toString();
            folder = new URI(text.substring(0, text.length() - "Cargo.toml".length()));
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (folder.getScheme().equals("jar")) {
            try (FileSystem jar = openJar(folder)) {
                return unpack(jar.provider().getPath(folder), cacheDirectory);
            } catch (FileSystemAlreadyExistsException e) {
                return unpack(FileSystems.getFileSystem(folder).provider().getPath(folder), cacheDirectory);
            }
        }
        return unpack(Path.of(folder), cacheDirectory);
    }

    /** The crate of folder {@code source} in the cache; a test unpacks from a folder of its own. */
    static Path unpack(Path source, Path cacheDirectory) throws IOException {
        List<Path> files = files(source);
        Path entry = cacheDirectory.resolve("guest-sdk").resolve(CRATE + "-" + hash(source, files).substring(0, 16));
        if (Files.isRegularFile(entry.resolve("Cargo.toml"))) {
            return entry;
        }
        Path temporary = SharedCache.temporaryFor(entry);
        for (Path file : files) {
            Path copy = temporary.resolve(source.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.write(copy, Files.readAllBytes(file));
        }
        SharedCache.publish(temporary, entry);
        return entry;
    }

    /** cargo's option that makes every {@code weft-guest} dependency this copy. */
    static List<String> patchArguments(Path crate) {
        return List.of("--config", "patch.crates-io." + CRATE + ".path=\"" + crate + "\"");
    }

    private static FileSystem openJar(URI folder) throws IOException {
        return FileSystems.newFileSystem(folder, Map.of());
    }

    private static List<Path> files(Path source) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(Files::isRegularFile)
                    .sorted((a, b) -> source.relativize(a).toString().compareTo(source.relativize(b).toString()))
                    .toList();
        }
    }

    private static String hash(Path source, List<Path> files) throws IOException {
        MessageDigest digest = Sha256.digest();
        for (Path file : files) {
            digest.update(source.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(file));
        }
        return Sha256.hex(digest);
    }
}
