/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.castpanel.accounts.api.AuthService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.engine.api.platform.DaemonThreads;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live event stream (Server-Sent Events): action progress, service state changes and
 * history, engines coming and going. Each caller receives only events about what it may see;
 * event names are the types ("action", "service", "service.state", "service.event", "engine").
 * A stream lives only as long as its credential: it is checked again every few seconds and at
 * once after a logout or an account change, and the stream closes when it no longer holds.
 */
@Component(service = EventStreamResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("events")
public class EventStreamResource {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamResource.class);

    /** How often an open stream checks that its session or key is still valid. */
    static final long RECHECK_SECONDS = 5;

    private static final String AUTH_CHANGED = "auth.changed";

    private final PanelEvents events;
    private final AuthService auth;
    private final ScheduledExecutorService rechecks =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("castpanel-event-stream-recheck"));

    @Activate
    public EventStreamResource(final @Reference PanelEvents events, final @Reference AuthService auth) {
        this.events = events;
        this.auth = auth;
    }

    @Deactivate
    void deactivate() {
        rechecks.shutdownNow();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        String bearer = AuthFilter.bearer(security);
        AutoCloseable[] subscription = new AutoCloseable[1];
        ScheduledFuture<?>[] recheck = new ScheduledFuture<?>[1];
        Runnable end = () -> {
            close(subscription[0]);
            if (recheck[0] != null) {
                recheck[0].cancel(false);
            }
            sink.close();
        };
        Runnable check = () -> {
            if (sink.isClosed() || !stillValid(bearer, caller)) {
                end.run();
            }
        };
        subscription[0] = events.subscribe(event -> {
            if (AUTH_CHANGED.equals(event.type())) {
                rechecks.execute(check); // the check reads the database: not on the publishing thread
                return;
            }
            if (event.type().startsWith("queue.") || !visible(caller, event)) {
                return;
            }
            if (sink.isClosed()) {
                close(subscription[0]);
                return;
            }
            sink.send(sse.newEventBuilder()
                            .name(event.type())
                            .mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(Object.class, wire(event.data()))
                            .build())
                    .whenComplete((done, failure) -> {
                        if (failure != null) {
                            close(subscription[0]);
                        }
                    });
        });
        recheck[0] = rechecks.scheduleWithFixedDelay(check, RECHECK_SECONDS, RECHECK_SECONDS, TimeUnit.SECONDS);
        sink.send(sse.newEventBuilder()
                .name("hello")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Object.class, java.util.Map.of("accountId", caller.accountId()))
                .build());
    }

    private boolean stillValid(String bearer, Caller caller) {
        try {
            return auth.authenticate(bearer, caller.origin()).accountId() == caller.accountId();
        } catch (CastPanelException e) {
            return false;
        } catch (RuntimeException e) {
            LOG.debug("an event stream's credential could not be checked now; it stays open", e);
            return true;
        }
    }

    private static boolean visible(Caller caller, PanelEvents.Event event) {
        if (event.ownerPath() == null) {
            return caller.isAdministrator() || "engine".equals(event.type());
        }
        return caller.covers(event.ownerPath());
    }

    private static void close(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("closing an event subscription failed", e);
        }
    }

    /** An event's data as the stream sends it: a statistics sample in the API's form, not the SPI's. */
    static Object wire(Object data) {
        if (data == null) {
            return java.util.Map.of();
        }
        if (data instanceof java.util.Map<?, ?> map
                && map.get("sample") instanceof org.castpanel.engine.api.ServiceStats sample) {
            java.util.Map<Object, Object> copy = new java.util.LinkedHashMap<>(map);
            copy.put("sample", EngineJson.ServiceStats.of(sample));
            return copy;
        }
        return data;
    }
}
