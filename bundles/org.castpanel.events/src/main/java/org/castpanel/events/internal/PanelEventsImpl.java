/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.events.internal;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.castpanel.core.api.PanelEvents;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The live bus: in memory, on the publishing thread. */
@Component(service = PanelEvents.class)
public class PanelEventsImpl implements PanelEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PanelEventsImpl.class);

    private final CopyOnWriteArrayList<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Event event) {
        for (Consumer<Event> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("Event listener failed on {}", event.type(), e);
            }
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
