/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.castpanel.autodj.api.SongRequest;
import org.castpanel.autodj.api.SongRequests;
import org.castpanel.core.api.Caller;

@Service
@Command(
        scope = "castpanel",
        name = "autodj-queue",
        description = "Puts a track of the owner's media library next on an AutoDJ service")
public class AutoDjQueueCommand extends ConsoleCommand {

    @Reference
    SongRequests requests;

    @Argument(index = 0, name = "service", description = "The AutoDJ service's id", required = true)
    long service;

    @Argument(index = 1, name = "track", description = "The media file's id (castpanel:media-list)", required = true)
    long track;

    @Override
    void run(Caller caller, PrintStream out) {
        SongRequest queued = requests.queue(caller, service, track);
        out.println("Queued " + (queued.artist() == null ? "" : queued.artist() + " - ") + queued.title() + " (request "
                + queued.id() + "); it plays when the track on the air ends");
    }
}
