/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.castpanel.autodj.api.AutoDj;
import org.castpanel.autodj.api.Playlist;
import org.castpanel.autodj.api.ScheduleRepeat;
import org.castpanel.core.api.Caller;

@Service
@Command(scope = "castpanel", name = "playlist-list", description = "Lists an AutoDJ service's playlists")
public class PlaylistListCommand extends ConsoleCommand {

    @Reference
    AutoDj autodj;

    @Argument(index = 0, name = "service", description = "The AutoDJ service's id", required = true)
    long service;

    @Override
    void run(Caller caller, PrintStream out) {
        print(autodj.playlists(caller, service), out);
    }

    static void print(List<Playlist> playlists, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("ID").alignRight();
        table.column("Playlist");
        table.column("Kind");
        table.column("Order");
        table.column("Weight").alignRight();
        table.column("When");
        table.column("Tracks").alignRight();
        table.column("Enabled");
        for (Playlist p : playlists) {
            table.addRow()
                    .addContent(
                            p.id(),
                            p.name(),
                            p.kind(),
                            p.order(),
                            p.weight(),
                            when(p),
                            p.playableTracks(),
                            p.enabled() ? "yes" : "no");
        }
        table.print(out);
    }

    /** When an interval or scheduled playlist plays; empty for the others. */
    static String when(Playlist p) {
        if (p.schedule() != null) {
            return p.schedule().start() + " for " + p.schedule().minutes() + " min"
                    + (p.schedule().repeat() == ScheduleRepeat.NONE
                            ? ""
                            : ", " + p.schedule().repeat().name().toLowerCase(java.util.Locale.ROOT))
                    + (Boolean.TRUE.equals(p.schedule().interruptible()) ? ", cuts in" : "");
        }
        if (p.everySongs() != null) {
            return "every " + p.everySongs() + " songs";
        }
        if (p.everyMinutes() != null) {
            return "every " + p.everyMinutes() + " min";
        }
        return p.atMinute() != null ? String.format("hourly at :%02d", p.atMinute()) : "";
    }
}
