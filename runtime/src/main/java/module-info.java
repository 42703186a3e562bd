/**
 * Weft's runtime. What an application writes against is exported: the server and its
 * configuration, requests and responses, middleware and guards, JSON types and the wasm modules.
 * {@code dev.weft.runtime.generated} is exported for generated code alone. Everything under
 * {@code dev.weft.runtime.internal} is plumbing, free to change.
 */
module dev.weft.runtime {
    // An application that requires the runtime can use the annotations without naming them.
    requires transitive dev.weft.annotations;
    requires dev.weft.wasm.abi;
    requires transitive io.avaje.jsonb;
    requires io.helidon.config;
    requires io.helidon.http;
    requires io.helidon.logging.common;
    requires io.helidon.webserver;
    requires io.helidon.common.task;
    requires com.dylibso.chicory.runtime;
    requires com.dylibso.chicory.wasm;
    requires com.dylibso.chicory.wasi;
    // Hot reload only: the default application ships without a wasm compiler.
    requires static com.dylibso.chicory.compiler;
    requires com.nimbusds.jose.jwt;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires java.logging;
    // The data layer: JDBC, the Hikari pool, Flyway (an automatic module named after its jar).
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires flyway.core;
    // The open-file limit, for the default connection cap; without it the cap is 1,024.
    requires static jdk.management;

    exports dev.weft.runtime;
    exports dev.weft.runtime.http;
    exports dev.weft.runtime.json;
    exports dev.weft.runtime.middleware;
    exports dev.weft.runtime.wasm;
    exports dev.weft.runtime.data;
    exports dev.weft.runtime.generated;
    // java.util.logging instantiates the configured LogManager by reflection; the testing kit
    // (weft-test) runs a server's request pipeline without a socket, with requests of its own.
    exports dev.weft.runtime.internal.server to java.logging, dev.weft.test;
    exports dev.weft.runtime.internal.http to dev.weft.test;
}
