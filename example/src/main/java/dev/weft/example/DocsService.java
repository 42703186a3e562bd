package dev.weft.example;

import dev.weft.runtime.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves {@code docs/index.html} from the jar, read once. */
final class DocsService implements DocsApi {

    private static final String PAGE = "/docs/index.html";

    private final byte[] page;

    DocsService() {
        try (InputStream in = DocsService.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE + " is missing from the jar");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Response page() {
        return Response.status(200).body("text/html; charset=UTF-8", page);
    }
}
