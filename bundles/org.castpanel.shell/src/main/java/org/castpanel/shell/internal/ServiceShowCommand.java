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
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.ServiceAction;
import org.castpanel.services.api.MediaService;
import org.castpanel.services.api.MediaServices;
import org.castpanel.services.api.ServiceMount;
import org.castpanel.services.api.ServiceMounts;

@Service
@Command(scope = "castpanel", name = "service-show", description = "Shows a media service and its latest actions")
public class ServiceShowCommand extends ConsoleCommand {

    @Reference
    MediaServices services;

    @Reference
    ServiceMounts mounts;

    @Argument(index = 0, name = "id", required = true, description = "Service id")
    long id;

    @Override
    void run(Caller caller, PrintStream out) {
        MediaService s = services.get(caller, id);
        out.printf(
                "ID:          %d%nName:        %s%nType:        %s%nOwner:       %s (%d)%nNode:        %s%n",
                s.id(), s.name(), s.engineType(), s.ownerUsername(), s.ownerId(), s.node());
        out.printf(
                "State:       %s%s%nWanted:      %s%nSuspended:   %s%n",
                s.state(),
                s.stateDetail() == null ? "" : " (" + s.stateDetail() + ")",
                s.desiredRunning() ? "running" : "stopped",
                s.suspended() ? "yes" : "no");
        out.printf(
                "Limits:      listeners %s, bitrate %s kbit/s, disk %s MB, transfer %s GB%n",
                orDash(s.maxListeners()),
                orDash(s.maxBitrateKbps()),
                orDash(s.diskQuotaMb()),
                orDash(s.dataTransferGb()));
        out.println("Settings:    " + s.config());
        for (ServiceMount m : mounts.list(caller, id)) {
            out.printf(
                    "Mount:       %s (listeners %s%s%s)%n",
                    m.name(),
                    orDash(m.maxListeners()),
                    m.fallbackMount() == null ? "" : ", falls back to " + m.fallbackMount(),
                    m.hidden() ? ", hidden" : "");
        }
        out.println("Actions:");
        for (ServiceAction a : services.actions(caller, id, 0, 10).items()) {
            out.printf(
                    "  %-6d %-8s %-10s %s%n", a.id(), a.action(), a.status(), a.message() == null ? "" : a.message());
        }
    }
}
