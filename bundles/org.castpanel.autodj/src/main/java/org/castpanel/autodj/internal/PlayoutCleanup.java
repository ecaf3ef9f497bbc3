/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import org.castpanel.events.api.OutboxEvent;
import org.castpanel.events.api.OutboxListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Deletes a deleted AutoDJ service's playlists and history (the media they name stays: it is the
 * customer's library). Through the durable outbox, so a panel stopped in between still does it.
 */
@Component(service = OutboxListener.class)
public class PlayoutCleanup implements OutboxListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AutoDjImpl autodj;
    private final DjsImpl djs;

    @Activate
    public PlayoutCleanup(final @Reference AutoDjImpl autodj, final @Reference DjsImpl djs) {
        this.autodj = autodj;
        this.djs = djs;
    }

    @Override
    public String name() {
        return "autodj-playout-cleanup";
    }

    @Override
    public void deliver(OutboxEvent event) throws Exception {
        if (!event.type().equals("action.finished")) {
            return;
        }
        JsonNode action = JSON.readTree(event.data()).path("action");
        if ("DELETE".equals(action.path("action").asText())
                && "SUCCEEDED".equals(action.path("status").asText())) {
            autodj.forget(action.path("serviceId").asLong());
            djs.forget(action.path("serviceId").asLong());
        }
    }
}
