/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.services.api.EngineCatalog;
import org.castpanel.services.api.EngineInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Engine types: every caller may read them (the service form needs the config descriptions), in
 * the language of {@code Accept-Language} where the plugin ships it; administrators enable and
 * disable them.
 */
@Component(service = EngineResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("engines")
@Produces(MediaType.APPLICATION_JSON)
public class EngineResource {

    private final EngineCatalog engines;

    @Activate
    public EngineResource(final @Reference EngineCatalog engines) {
        this.engines = engines;
    }

    @GET
    public List<EngineJson.EngineInfo> list(@Context SecurityContext security, @Context HttpHeaders headers) {
        Caller caller = AuthFilter.caller(security);
        String language = language(headers);
        return engines.list().stream()
                .map(e -> EngineJson.EngineInfo.of(engines.localized(shown(caller, e), language)))
                .toList();
    }

    /** The first language the client accepts ({@code Accept-Language}), e.g. "de"; null for any. */
    static String language(HttpHeaders headers) {
        return headers == null
                ? null
                : headers.getAcceptableLanguages().stream()
                        .map(java.util.Locale::getLanguage)
                        .filter(l -> !l.isEmpty() && !"*".equals(l))
                        .findFirst()
                        .orElse(null);
    }

    /** Plugin versions and platform-wide service counts are administrators' business. */
    private static EngineInfo shown(Caller caller, EngineInfo engine) {
        return caller.isAdministrator() ? engine : engine.forTenant();
    }

    @GET
    @Path("{id}")
    public EngineJson.EngineInfo get(
            @PathParam("id") String id, @Context SecurityContext security, @Context HttpHeaders headers) {
        Caller caller = AuthFilter.caller(security);
        return EngineJson.EngineInfo.of(engines.localized(
                shown(caller, engines.get(id).orElseThrow(() -> CastPanelException.notFound("engine type", id))),
                language(headers)));
    }

    @POST
    @Path("{id}/enable")
    public EngineJson.EngineInfo enable(@PathParam("id") String id, @Context SecurityContext security) {
        return EngineJson.EngineInfo.of(engines.setEnabled(AuthFilter.caller(security), id, true));
    }

    @POST
    @Path("{id}/disable")
    public EngineJson.EngineInfo disable(@PathParam("id") String id, @Context SecurityContext security) {
        return EngineJson.EngineInfo.of(engines.setEnabled(AuthFilter.caller(security), id, false));
    }
}
