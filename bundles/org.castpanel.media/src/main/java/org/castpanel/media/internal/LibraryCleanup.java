/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.internal;

import org.castpanel.events.api.OutboxEvent;
import org.castpanel.events.api.OutboxListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Deletes a deleted account's library: its index rows, its files and its unfinished uploads.
 * Through the durable outbox, so a panel stopped between the account's deletion and this still
 * deletes the files when it comes back; doing it twice is harmless.
 */
@Component(service = OutboxListener.class)
public class LibraryCleanup implements OutboxListener {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryCleanup.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MediaLibraryImpl library;
    private final MediaUploadsImpl uploads;

    @Activate
    public LibraryCleanup(final @Reference MediaLibraryImpl library, final @Reference MediaUploadsImpl uploads) {
        this.library = library;
        this.uploads = uploads;
    }

    @Override
    public String name() {
        return "media-library-cleanup";
    }

    @Override
    public void deliver(OutboxEvent event) throws Exception {
        if (!event.type().equals("account.deleted")) {
            return;
        }
        JsonNode data = JSON.readTree(event.data());
        for (JsonNode id : data.path("accountIds")) {
            uploads.forgetAccount(id.asLong());
            library.deleteLibrary(id.asLong());
            LOG.info("Deleted the media library of deleted account {}", id.asLong());
        }
    }
}
