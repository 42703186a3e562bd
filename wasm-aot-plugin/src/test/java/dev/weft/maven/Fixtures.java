package dev.weft.maven;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The committed .wasm fixtures of src/test/resources/wasm, each built from the .wat beside it. */
final class Fixtures {

    private Fixtures() {}

    static Path wasm(String name) {
        URL url = Fixtures.class.getResource("/wasm/" + name + ".wasm");
        if (url == null) {
            throw new IllegalArgumentException("no fixture wasm/" + name + ".wasm in src/test/resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
