package org.castpanel.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.castpanel.core.api.Caller;
import org.castpanel.core.api.PanelEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live event stream (Server-Sent Events): action progress, service state changes and
 * history, engines coming and going. Each caller receives only events about what it may see;
 * event names are the types ("action", "service", "service.state", "service.event", "engine").
 */
@Component(service = EventStreamResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("events")
public class EventStreamResource {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamResource.class);

    private final PanelEvents events;

    @Activate
    public EventStreamResource(final @Reference PanelEvents events) {
        this.events = events;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        AutoCloseable[] subscription = new AutoCloseable[1];
        subscription[0] = events.subscribe(event -> {
            if (event.type().startsWith("queue.") || !visible(caller, event)) {
                return;
            }
            if (sink.isClosed()) {
                close(subscription[0]);
                return;
            }
            sink.send(sse.newEventBuilder().name(event.type()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(Object.class, event.data() == null ? java.util.Map.of() : event.data()).build())
                    .whenComplete((done, failure) -> {
                        if (failure != null) {
                            close(subscription[0]);
                        }
                    });
        });
        sink.send(sse.newEventBuilder().name("hello").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Object.class, java.util.Map.of("accountId", caller.accountId())).build());
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
}
