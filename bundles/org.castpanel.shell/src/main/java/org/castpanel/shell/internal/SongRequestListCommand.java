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
import org.apache.karaf.shell.support.table.ShellTable;
import org.castpanel.autodj.api.SongRequest;
import org.castpanel.autodj.api.SongRequests;
import org.castpanel.core.api.Caller;

@Service
@Command(
        scope = "castpanel",
        name = "song-requests",
        description =
                "Lists an AutoDJ service's listener requests and queued tracks: those waiting, then the last played")
public class SongRequestListCommand extends ConsoleCommand {

    @Reference
    SongRequests requests;

    @Argument(index = 0, name = "service", description = "The AutoDJ service's id", required = true)
    long service;

    @Override
    void run(Caller caller, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("ID").alignRight();
        table.column("Track");
        table.column("From");
        table.column("Asked at");
        table.column("Chosen at");
        for (SongRequest r : requests.list(caller, service)) {
            table.addRow()
                    .addContent(
                            r.id(),
                            r.artist() == null || r.artist().isBlank() ? r.title() : r.artist() + " - " + r.title(),
                            r.queued() ? "queue" : "listener",
                            r.requestedAt(),
                            r.chosenAt() == null ? "waiting" : r.chosenAt());
        }
        table.print(out);
    }
}
