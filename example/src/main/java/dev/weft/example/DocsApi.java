package dev.weft.example;

import dev.weft.annotations.Api;
import dev.weft.annotations.Get;
import dev.weft.runtime.http.Response;

/**
 * A page that shows the API: it reads {@code /openapi.json}, the document the annotation processor
 * wrote, and lists every operation with its parameters, body, answers and schemas. One small file
 * from the jar, no CDN.
 */
@Api("/docs")
public interface DocsApi {

    /** The documentation page (text/html). */
    @Get
    Response page();
}
