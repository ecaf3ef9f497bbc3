/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.castpanel.autodj.api.AutoDj;
import org.castpanel.autodj.api.Dj;
import org.castpanel.autodj.api.Djs;
import org.castpanel.autodj.api.NowPlaying;
import org.castpanel.autodj.api.PlayedTrack;
import org.castpanel.autodj.api.Playlist;
import org.castpanel.core.api.Caller;

@Service
@Command(
        scope = "castpanel",
        name = "autodj-show",
        description = "Shows an AutoDJ service: what is on the air, its playlists, its live DJs and what it played")
public class AutoDjShowCommand extends ConsoleCommand {

    @Reference
    AutoDj autodj;

    @Reference
    Djs djs;

    @Argument(index = 0, name = "service", description = "The AutoDJ service's id", required = true)
    long service;

    @Option(name = "-n", aliases = "--history", description = "How many played tracks to list (1-500)")
    int history = 10;

    @Override
    void run(Caller caller, PrintStream out) {
        NowPlaying now = autodj.nowPlaying(caller, service);
        List<Playlist> playlists = autodj.playlists(caller, service);
        List<PlayedTrack> played = autodj.history(caller, service, history);
        out.println("Station:     " + now.station());
        out.println("On the air:  " + (now.current() == null ? "-" : label(now.current())));
        out.println("Next:        " + (now.next() == null ? "-" : label(now.next())));
        out.println("Live:        "
                + (now.live() == null
                        ? "-"
                        : now.live().dj() + " since " + now.live().since()));
        PlaylistListCommand.print(playlists, out);
        ShellTable live = new ShellTable();
        live.column("ID").alignRight();
        live.column("DJ");
        live.column("User");
        live.column("Priority").alignRight();
        live.column("May broadcast");
        live.column("Enabled");
        live.column("On the air");
        for (Dj dj : djs.list(caller, service)) {
            live.addRow()
                    .addContent(
                            dj.id(),
                            dj.name(),
                            dj.username(),
                            dj.priority(),
                            dj.scheduledOnly()
                                    ? dj.slots().stream()
                                            .map(slot -> slot.day().name().substring(0, 3) + " " + slot.start() + "-"
                                                    + slot.end())
                                            .collect(java.util.stream.Collectors.joining(", "))
                                    : "any time",
                            dj.enabled() ? "yes" : "no",
                            dj.live() ? "yes" : "no");
        }
        live.print(out);
        ShellTable table = new ShellTable();
        table.column("On the air");
        table.column("Track");
        table.column("Playlist");
        for (PlayedTrack t : played) {
            table.addRow()
                    .addContent(
                            t.onAirAt() == null ? "(chosen " + t.chosenAt() + ")" : t.onAirAt(),
                            label(t),
                            orDash(t.playlist()));
        }
        table.print(out);
    }

    private static String label(PlayedTrack t) {
        return t.artist() == null || t.artist().isBlank() ? t.title() : t.artist() + " - " + t.title();
    }
}
