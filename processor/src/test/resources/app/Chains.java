package app;

import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.middleware.Guard;
import dev.weft.runtime.middleware.Middleware;
import dev.weft.runtime.middleware.Verdict;

/** Middleware and guards for SecuredApi; each middleware appends its name to the request's "chain" attribute. */
public final class Chains {

    private Chains() {}

    static void record(Request request, String step) {
        String chain = request.attribute("chain");
        request.attribute("chain", (chain == null ? "" : chain) + step + ">");
    }

    public static final class Tagging implements Middleware {

        @Override
        public Response handle(Request request, RouteHandler next) throws Exception {
            record(request, "tagging");
            return next.handle(request).header("X-Tagged", "yes");
        }
    }

    /** Built with the application's configuration: its name in the chain is weft.audit.name. */
    public static final class Audit implements Middleware {

        private final String name;

        public Audit(WeftConfig config) {
            this.name = config.get("weft.audit.name").orElse("audit");
        }

        @Override
        public Response handle(Request request, RouteHandler next) throws Exception {
            record(request, name);
            return next.handle(request);
        }
    }

    public static final class EvenIds implements Guard {

        @Override
        public Verdict check(Request request) {
            record(request, "even-ids");
            return Integer.parseInt(request.pathParam("id")) % 2 == 0
                    ? Verdict.allow()
                    : Verdict.reject(422, "odd ids are kept");
        }
    }

    /** Answers 503 itself, without calling the rest of the chain, while the request says X-Maintenance. */
    public static final class Maintenance implements Middleware {

        @Override
        public Response handle(Request request, RouteHandler next) throws Exception {
            record(request, "maintenance");
            if (request.header("X-Maintenance") != null) {
                return Response.status(503).body(Response.TEXT, "closed for maintenance".getBytes());
            }
            return next.handle(request);
        }
    }
}
