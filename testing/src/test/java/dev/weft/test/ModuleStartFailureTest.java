package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.wasm.Parser;
import dev.weft.runtime.WeftServer;
import dev.weft.runtime.generated.WasmModuleDefinition;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A module that cannot start makes /health answer 503 DOWN, naming it, while the rest serves on. */
class ModuleStartFailureTest {

    /** A valid module importing {@code env.missing}, which no host offers: it parses, but cannot be instantiated. */
    private static final byte[] UNLINKABLE = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        // type section: one type, () -> ()
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
        // import section: env.missing, a function of type 0
        0x02, 0x0f, 0x01, 0x03, 'e', 'n', 'v', 0x07, 'm', 'i', 's', 's', 'i', 'n', 'g', 0x00, 0x00,
    };

    @RegisterExtension
    static WeftServerExtension server = WeftServerExtension.of(config -> {
        WeftServer.Builder builder = WeftServer.builder(config).routes(RouteTesterTest.ROUTES);
        builder.modules().module(new WasmModuleDefinition("unlinkable", () -> Parser.parse(UNLINKABLE), InterpreterMachine::new));
        return builder;
    }, "weft.health.details=true");

    @Test
    void healthIsDownAndNamesTheModule(TestClient client) throws InterruptedException {
        // The first instance is made in the background once the server listens: wait for it to fail.
        TestResponse health = client.get("/health").send();
        for (int attempt = 0; attempt < 200 && health.status() == 200; attempt++) {
            Thread.sleep(50);
            health = client.get("/health").send();
        }
        assertEquals(503, health.status(), health.toString());
        Map<?, ?> body = (Map<?, ?>) health.json();
        assertEquals("DOWN", body.get("status"));
        Map<?, ?> module = (Map<?, ?>) ((Map<?, ?>) body.get("modules")).get("unlinkable");
        assertTrue(String.valueOf(module.get("error")).startsWith("cannot start: "), module.toString());
        // the routes that do not need the module still answer
        assertEquals(200, client.get("/hello/Ada").send().status());
    }
}
