/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.castpanel.core.api.ActionType;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.Page;
import org.castpanel.core.api.ServiceAction;
import org.castpanel.core.api.ServiceEvent;
import org.castpanel.services.api.EngineCatalog;
import org.castpanel.services.api.MediaService;
import org.castpanel.services.api.MediaServiceChanges;
import org.castpanel.services.api.MediaServices;
import org.castpanel.services.api.NewMediaService;
import org.castpanel.services.api.ServiceConnection;
import org.castpanel.services.api.ServiceForm;
import org.castpanel.services.api.ServiceQuery;
import org.castpanel.services.api.ServiceState;
import org.castpanel.services.api.ServiceStatistics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Media services, their actions and history. Another tenant's service answers 404. */
@Component(service = ServiceResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceResource {

    /** Body of {@code POST /services/{id}/actions}; {@code confirm} is needed to delete a video service. */
    public record ActionRequest(String action, Boolean confirm) {}

    /** Body of {@code POST /services/actions}: one action for several services. */
    public record BulkActionRequest(String action, List<Long> serviceIds, Boolean confirm) {}

    /** Body of {@code POST /services/{id}/owner}. */
    public record OwnerChange(Long ownerId) {}

    private static final java.util.Set<String> PATCH_FIELDS = java.util.Set.of(
            "name", "maxListeners", "maxBitrateKbps", "diskQuotaMb", "dataTransferGb", "mountPoints", "config");

    private final MediaServices services;
    private final ServiceStatistics statistics;
    private final ServiceConnection connection;
    private final EngineCatalog engines;

    @Activate
    public ServiceResource(
            final @Reference MediaServices services,
            final @Reference ServiceStatistics statistics,
            final @Reference ServiceConnection connection,
            final @Reference EngineCatalog engines) {
        this.services = services;
        this.engines = engines;
        this.statistics = statistics;
        this.connection = connection;
    }

    /** Connection details for encoders and listeners: server, port, mount, source credentials, listen URL. */
    @GET
    @Path("{id}/connection")
    public Map<String, String> connection(@PathParam("id") long id, @Context SecurityContext security) {
        return connection.details(AuthFilter.caller(security), id);
    }

    /** Current sample, stored samples of the last {@code hours} hours and this month's data transfer. */
    public record Stats(EngineJson.Current current, EngineJson.History history) {}

    /** The service's statistics now (as its engine reports them) and over time (as the collector stored them). */
    @GET
    @Path("{id}/stats")
    public Stats stats(
            @PathParam("id") long id,
            @QueryParam("hours") @DefaultValue("24") int hours,
            @Context SecurityContext security) {
        return new Stats(
                EngineJson.Current.of(statistics.current(AuthFilter.caller(security), id)),
                EngineJson.History.of(statistics.history(AuthFilter.caller(security), id, hours)));
    }

    /** Who listens now: address, user agent, connected time. */
    @GET
    @Path("{id}/listeners")
    public List<EngineJson.ListenerInfo> listeners(@PathParam("id") long id, @Context SecurityContext security) {
        return statistics.listeners(AuthFilter.caller(security), id).stream()
                .map(EngineJson.ListenerInfo::of)
                .toList();
    }

    @GET
    public Page<MediaService> list(
            @QueryParam("ownerId") Long ownerId,
            @QueryParam("type") String type,
            @QueryParam("state") String state,
            @QueryParam("suspended") Boolean suspended,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("25") int size,
            @Context SecurityContext security) {
        ServiceState parsed = null;
        if (state != null && !state.isBlank()) {
            try {
                parsed = ServiceState.valueOf(state.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw CastPanelException.badRequest("state", "state must be one of " + List.of(ServiceState.values()));
            }
        }
        return services.list(
                AuthFilter.caller(security), new ServiceQuery(ownerId, type, parsed, suspended, page, size));
    }

    /** What the "new service" form needs: allowed types, the saved default, plan usage and what is left. */
    @GET
    @Path("form")
    public EngineJson.ServiceForm form(
            @QueryParam("ownerId") Long ownerId, @Context SecurityContext security, @Context HttpHeaders headers) {
        ServiceForm form = services.form(AuthFilter.caller(security), ownerId);
        String language = EngineResource.language(headers);
        return EngineJson.ServiceForm.of(
                form,
                form.engineTypes().stream()
                        .map(e -> engines.localized(e, language))
                        .toList());
    }

    @POST
    public Response create(NewMediaService service, @Context SecurityContext security) {
        MediaService created = services.create(AuthFilter.caller(security), service);
        return Response.created(URI.create("services/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    public MediaService get(@PathParam("id") long id, @Context SecurityContext security) {
        return services.get(AuthFilter.caller(security), id);
    }

    /** Partial update; a limit set to null becomes unlimited. A running service is reloaded. */
    @PATCH
    @Path("{id}")
    @SuppressWarnings("unchecked")
    public MediaService update(@PathParam("id") long id, Map<String, Object> patch, @Context SecurityContext security) {
        for (String field : patch.keySet()) {
            if (!PATCH_FIELDS.contains(field)) {
                throw CastPanelException.badRequest(field, "unknown field '" + field + "'");
            }
        }
        Object config = patch.get("config");
        if (config != null && !(config instanceof Map)) {
            throw CastPanelException.badRequest("config", "config must be an object");
        }
        MediaServiceChanges changes = new MediaServiceChanges(
                Patches.string(patch, "name"),
                optionalInt(patch, "maxListeners"),
                optionalInt(patch, "maxBitrateKbps"),
                Patches.optionalLong(patch, "diskQuotaMb"),
                Patches.optionalLong(patch, "dataTransferGb"),
                optionalInt(patch, "mountPoints"),
                (Map<String, Object>) config);
        return services.update(AuthFilter.caller(security), id, changes);
    }

    private static Optional<Integer> optionalInt(Map<String, Object> patch, String field) {
        Optional<Long> value = Patches.optionalLong(patch, field);
        if (value == null) {
            return null;
        }
        if (value.isPresent() && (value.get() > Integer.MAX_VALUE || value.get() < 0)) {
            throw CastPanelException.invalid(field, field + " must be between 0 and " + Integer.MAX_VALUE);
        }
        return value.map(Long::intValue);
    }

    /** Queues start, stop, restart, reload or delete; answers 202 with the queued action. */
    @POST
    @Path("{id}/actions")
    public Response enqueue(@PathParam("id") long id, ActionRequest request, @Context SecurityContext security) {
        ServiceAction action = services.enqueue(
                AuthFilter.caller(security), id, actionType(request.action()), Boolean.TRUE.equals(request.confirm()));
        return Response.accepted(action)
                .location(URI.create("actions/" + action.id()))
                .build();
    }

    /** One action for several services (bulk start, stop…): all queued, or none when one is refused. */
    @POST
    @Path("actions")
    public Response enqueueAll(BulkActionRequest request, @Context SecurityContext security) {
        List<ServiceAction> actions = services.enqueueAll(
                AuthFilter.caller(security),
                request.serviceIds(),
                actionType(request.action()),
                Boolean.TRUE.equals(request.confirm()));
        return Response.accepted(actions).build();
    }

    private static ActionType actionType(String action) {
        try {
            return ActionType.valueOf(String.valueOf(action).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CastPanelException.invalid("action", "action must be one of start, stop, restart, reload, delete");
        }
    }

    @GET
    @Path("{id}/actions")
    public Page<ServiceAction> actions(
            @PathParam("id") long id,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("25") int size,
            @Context SecurityContext security) {
        return services.actions(AuthFilter.caller(security), id, page, size);
    }

    /** The service's history outside actions (crashes, restarts by the reconciler), newest first. */
    @GET
    @Path("{id}/events")
    public List<ServiceEvent> events(
            @PathParam("id") long id,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        return services.events(AuthFilter.caller(security), id, limit);
    }

    @POST
    @Path("{id}/suspend")
    public MediaService suspend(@PathParam("id") long id, @Context SecurityContext security) {
        return services.setSuspended(AuthFilter.caller(security), id, true);
    }

    @POST
    @Path("{id}/unsuspend")
    public MediaService unsuspend(@PathParam("id") long id, @Context SecurityContext security) {
        return services.setSuspended(AuthFilter.caller(security), id, false);
    }

    @POST
    @Path("{id}/owner")
    public MediaService changeOwner(@PathParam("id") long id, OwnerChange change, @Context SecurityContext security) {
        if (change.ownerId() == null) {
            throw CastPanelException.invalid("ownerId", "ownerId is required");
        }
        return services.changeOwner(AuthFilter.caller(security), id, change.ownerId());
    }
}
