package ${package};

import dev.weft.runtime.wasm.WasmModules;

/** The Java half of {@link GreetingApi}; the generated GreetingApiWasm calls the guest for shout. */
public final class Greetings extends GreetingApiWasm {

    public Greetings(WasmModules modules) {
        super(modules);
    }

    @Override
    public String hello(String name) {
        return "Hello, " + name + "!";
    }
}
