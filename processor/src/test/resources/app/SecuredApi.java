package app;

import dev.weft.annotations.Api;
import dev.weft.annotations.Delete;
import dev.weft.annotations.Get;
import dev.weft.annotations.PathParam;
import dev.weft.annotations.Use;
import dev.weft.annotations.security.Authenticated;
import dev.weft.annotations.security.RolesAllowed;
import dev.weft.runtime.http.Principal;
import dev.weft.runtime.http.Request;

/**
 * Routes behind a chain: authentication for the interface, roles for one method, and @Use classes
 * of both (Chains.Tagging, then Chains.Maintenance, Chains.Audit and the guard Chains.EvenIds); see
 * Implementations.Secured, whose handlers record "handler" in the chain when they run.
 */
@Api("/secured")
@Authenticated
@Use(Chains.Tagging.class)
public interface SecuredApi {

    @Get("/me")
    String me(Principal principal, Request request);

    @Delete("/things/{id}")
    @RolesAllowed({"admin", "owner"})
    @Use({Chains.Maintenance.class, Chains.Audit.class, Chains.EvenIds.class})
    String delete(@PathParam("id") int id, Request request);

    @Get("/audits")
    @RolesAllowed("Auditor")
    String audits();

    @Get("/audit-log")
    @RolesAllowed("auditor")
    String auditLog();
}
