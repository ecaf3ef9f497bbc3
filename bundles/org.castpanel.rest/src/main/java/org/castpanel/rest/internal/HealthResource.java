package org.castpanel.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.castpanel.core.api.AccountService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Public liveness: answers once the database is migrated and the core is up (this resource
 * depends on the account service, which depends on the store). Also the benchmark's baseline.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    /** The answer of {@code GET /health}. */
    public record Health(String status, String version) {
    }

    private final Health health;

    @Activate
    public HealthResource(final @Reference AccountService accounts, final BundleContext context) {
        this.health = new Health("ok", context.getBundle().getVersion().toString());
    }

    @GET
    public Health health() {
        return health;
    }
}
