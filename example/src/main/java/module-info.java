/** The example application: route interfaces, Java and wasm implementations, and its main class. */
module dev.weft.example {
    requires dev.weft.runtime;
    // The generated <Api>Client classes (OrdersApiClient…) call servers through weft-client; the
    // tests use them, the server does not, and its jar does not carry weft-client.
    requires static dev.weft.client;
    // The wasm modules compiled to bytecode by the build (package dev.weft.example.wasm) run on Chicory.
    requires com.dylibso.chicory.runtime;
    requires com.dylibso.chicory.wasm;
    // AdminService reports the JVM's memory.
    requires java.management;
    // @javax.annotation.processing.Generated on generated sources: source retention, compile time only.
    requires static java.compiler;

    // avaje-jsonb finds the adapters it generated for the example's records as a service.
    provides io.avaje.jsonb.spi.JsonbExtension with dev.weft.example.jsonb.GeneratedJsonComponent;

    exports dev.weft.example;
}
