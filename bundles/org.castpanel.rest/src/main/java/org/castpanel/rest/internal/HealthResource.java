/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Public readiness: registered only after every other resource of the API (and so the migrated
 * database and the core services they need), so a 200 here means the whole API answers. The
 * whiteboard adds resources in registration order. Also the benchmark's trivial baseline.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    /** The answer of {@code GET /health}. */
    public record Health(String status, String version) {}

    private final Health health;

    @Activate
    public HealthResource(
            final BundleContext context,
            final @Reference AuthResource auth,
            final @Reference MeResource me,
            final @Reference AccountResource accounts,
            final @Reference PlanResource plans,
            final @Reference AuditResource audit,
            final @Reference OpenApiResource openApi,
            final @Reference ServiceResource services,
            final @Reference ActionResource actions,
            final @Reference EngineResource engines,
            final @Reference EventStreamResource eventStream,
            final @Reference MountResource mounts,
            final @Reference RecordingResource recordings) {
        this.health = new Health("ok", context.getBundle().getVersion().toString());
    }

    @GET
    public Health health() {
        return health;
    }
}
