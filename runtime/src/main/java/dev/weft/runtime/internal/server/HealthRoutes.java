package dev.weft.runtime.internal.server;

import dev.weft.runtime.http.Response;
import dev.weft.runtime.generated.Route;
import dev.weft.runtime.generated.RouteGroup;
import dev.weft.runtime.internal.data.DataSourceRegistry;
import dev.weft.runtime.internal.json.JsonCodec;
import dev.weft.runtime.internal.metrics.WeftMetrics;
import dev.weft.runtime.internal.wasm.ModuleHost;
import dev.weft.runtime.internal.wasm.ModuleRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's own routes: {@code GET /health}, that it is up, and {@code GET /metrics}, every
 * meter in the Prometheus text format. Which version of each wasm module is live (its hash, when
 * it was loaded, its instances) is shown only with {@code weft.health.details=true}, or to a
 * principal with the role named by {@code weft.health.details-role}: an anonymous caller learns
 * up or down, nothing about what runs inside.
 *
 * <p>With data sources configured, {@code /health} is also a readiness check: it asks each one for
 * a valid connection, and answers {@code 503} with {@code "status":"DOWN"} when one does not.
 * With details, each data source's state and pool use are listed under {@code dataSources}.
 */
final class HealthRoutes implements RouteGroup {

    static final String HEALTH = "/health";
    static final String METRICS = "/metrics";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ModuleRegistry modules;
    private final DataSourceRegistry dataSources;
    private final boolean details;
    private final String detailsRole;

    HealthRoutes(ModuleRegistry modules, DataSourceRegistry dataSources, boolean details, String detailsRole) {
        this.modules = modules;
        this.dataSources = dataSources;
        this.details = details;
        this.detailsRole = detailsRole;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get(HEALTH, request -> health(details
                        || detailsRole != null && request.principal() != null && request.principal().hasRole(detailsRole))),
                Route.get(METRICS, request -> Response.status(200)
                        .body(PROMETHEUS_TEXT, WeftMetrics.scrape().getBytes(StandardCharsets.UTF_8))));
    }

    private Response health(boolean withDetails) {
        // A module that cannot start fails every request bound to it, and an unreachable data
        // source fails every request that needs it: the server is not healthy, and a load balancer
        // or an orchestrator should know (503), not only the log.
        Map<String, String> failures = modules.startFailures();
        Map<String, Map<String, Object>> sources = dataSources.isEmpty() ? Map.of() : dataSources.health();
        boolean up = failures.isEmpty() && sources.values().stream().allMatch(state -> "UP".equals(state.get("status")));
        String status = up ? "UP" : "DOWN";
        int code = up ? 200 : 503;
        if (!withDetails) {
            return Response.status(code).body(Response.JSON, ("{\"status\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> moduleStates = new java.util.TreeMap<>();
        for (ModuleHost host : modules.hosts()) {
            ModuleHost.VersionInfo version = host.version();
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("version", version.label());
            state.put("sha256", version.sha256());
            state.put("loadedAt", version.loadedAt().toString());
            state.put("idleInstances", host.idleInstances());
            state.put("instancesInUse", host.instancesInUse());
            state.put("maxInstances", host.settings().maxInstances());
            if (failures.containsKey(host.name())) {
                state.put("error", "cannot start: " + failures.get(host.name()));
            }
            moduleStates.put(host.name(), state);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("modules", moduleStates);
        if (!sources.isEmpty()) {
            body.put("dataSources", sources);
        }
        return Response.status(code).body(Response.JSON, JsonCodec.writeTree(body));
    }
}
