/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.castpanel.core.api.AuditEntry;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Page;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The audit log, newest first, filtered to what the caller may see. */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("audit-log")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService audit;

    @Activate
    public AuditResource(final @Reference AuditService audit) {
        this.audit = audit;
    }

    /** {@code action} matches a prefix ("account." finds every account change). */
    @GET
    public Page<AuditEntry> list(
            @QueryParam("action") String action,
            @QueryParam("actorId") Long actorId,
            @QueryParam("targetId") Long targetId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size,
            @Context SecurityContext security) {
        return audit.list(AuthFilter.caller(security), action, actorId, targetId, page, size);
    }
}
