package dev.weft.runtime.server;

import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.Route;
import dev.weft.runtime.http.RouteGroup;
import dev.weft.runtime.json.Json;
import dev.weft.runtime.wasm.ModuleHost;
import dev.weft.runtime.wasm.WasmModules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /health}: the server is up, and which wasm modules it hosts. */
final class HealthRoutes implements RouteGroup {

    static final String PATH = "/health";

    private final WasmModules modules;

    HealthRoutes(WasmModules modules) {
        this.modules = modules;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get(PATH, request -> health()));
    }

    private Response health() {
        Map<String, Object> moduleStates = new LinkedHashMap<>();
        for (ModuleHost host : modules.hosts()) {
            moduleStates.put(host.name(), Map.of("idleInstances", host.idleInstances()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("modules", moduleStates);
        return Response.status(200).body(Response.JSON, Json.writeTree(body));
    }
}
